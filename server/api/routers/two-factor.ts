import { freshSessionCookie } from '@/server/auth';
import {
  beginTwoFactorSetup,
  codeInput,
  confirmTwoFactorSetup,
  disableInput,
  disableTwoFactor,
  platformRequirementInput,
  platformTwoFactorRequirement,
  setPlatformTwoFactorRequirement,
  twoFactorStatus,
} from '@/server/services/two-factor';
import {
  addKeyInput,
  addSecurityKey,
  removeKeyInput,
  removeSecurityKey,
  securityKeyRegistrationOptions,
  securityKeySignInOptions,
} from '@/server/services/security-keys';
import { adminProcedure, authenticatedProcedure, budgetedPublicProcedure, enrollingProcedure, router } from '../trpc';

/** One's own second factor; the set-up is open to people a setting sends there (decision 026). */
export const twoFactorRouter = router({
  status: enrollingProcedure.query(({ ctx }) => twoFactorStatus(ctx.db, ctx.user)),
  /** A new secret and its QR code, shown for this set-up only. */
  beginSetup: enrollingProcedure.mutation(({ ctx }) => beginTwoFactorSetup(ctx.db, ctx.user)),
  /** Two-factor on: every other session ends; this one gets a fresh token; recovery codes shown once. */
  confirmSetup: enrollingProcedure.input(codeInput).mutation(async ({ ctx, input }) => {
    const { recoveryCodes, sessionVersion } = await confirmTwoFactorSetup(ctx.db, ctx.user, input);
    ctx.responseCookies?.push(await freshSessionCookie({ id: ctx.user.id, sessionVersion }));
    return { recoveryCodes };
  }),
  /** Two-factor off (with the password); every other session ends. */
  disable: authenticatedProcedure.input(disableInput).mutation(async ({ ctx, input }) => {
    const { sessionVersion } = await disableTwoFactor(ctx.db, ctx.user, input, ctx.clientAddress);
    ctx.responseCookies?.push(await freshSessionCookie({ id: ctx.user.id, sessionVersion }));
    return { disabled: true };
  }),
  /** Passkeys and security keys, once two-factor is on (decision 027). */
  keyRegistrationOptions: authenticatedProcedure.mutation(({ ctx }) => securityKeyRegistrationOptions(ctx.db, ctx.user)),
  addKey: authenticatedProcedure.input(addKeyInput).mutation(({ ctx, input }) => addSecurityKey(ctx.db, ctx.user, input)),
  removeKey: authenticatedProcedure.input(removeKeyInput).mutation(({ ctx, input }) => removeSecurityKey(ctx.db, ctx.user, input.id)),
  /** A challenge for the sign-in's second step with a passkey; it names no one. */
  signInKeyOptions: budgetedPublicProcedure.mutation(({ ctx }) => securityKeySignInOptions(ctx.db)),
  /** The platform's setting: who must use two-factor. */
  platformRequirement: adminProcedure.query(({ ctx }) => {
    const { requirement, version } = platformTwoFactorRequirement(ctx.db);
    return { requirement, version };
  }),
  setPlatformRequirement: adminProcedure
    .input(platformRequirementInput)
    .mutation(({ ctx, input }) => setPlatformTwoFactorRequirement(ctx.db, ctx.user, input)),
});
