import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LAB_ROLES, LOCALES, TWO_FACTOR_REQUIREMENTS } from '@/common/enums';
import { createdAt, oneOf, timestamps, version } from './columns';
import { labs } from './labs';
import { organisations } from './organisations';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored trimmed and lower-cased; unique without regard to case. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    /**
     * When the owner proved they read mail at the address: by a link that went only to that mailbox
     * (invitation, reset or confirmation). Null: nobody has proved it (decision 018).
     */
    emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
    /** Bumped to end every existing session (password change, disable, sign out everywhere). */
    sessionVersion: integer('session_version').notNull().default(1),
    locale: text('locale', { enum: LOCALES }),
    /** IANA time zone the person reads times in; null: the browser's (decision 024). */
    timeZone: text('time_zone'),
    /** The TOTP secret, encrypted (server/services/secret-box.ts); null until set-up is confirmed (decision 026). */
    totpSecret: text('totp_secret'),
    /** A secret shown for set-up but not yet confirmed with a code, encrypted like totpSecret. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: integer('totp_enabled_at', { mode: 'timestamp_ms' }),
    /** The time step of the last code accepted: a code is good once (replay protection). */
    totpLastStep: integer('totp_last_step'),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    check('users_email_lowercase', sql`${t.email} = lower(trim(${t.email}))`),
    index('users_organisation_idx').on(t.organisationId),
    oneOf('users_locale_check', t.locale, LOCALES),
  ],
);

export const memberships = sqliteTable(
  'memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: LAB_ROLES }).notNull(),
    /** When the member last opened the lab: "what changed since my last visit". */
    lastVisitedAt: integer('last_visited_at', { mode: 'timestamp_ms' }),
    /** The last page view of the visit before the current one; "since my last visit" starts here (decision 013). */
    previousVisitAt: integer('previous_visit_at', { mode: 'timestamp_ms' }),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('memberships_lab_user_unique').on(t.labId, t.userId),
    index('memberships_user_idx').on(t.userId),
    oneOf('memberships_role_check', t.role, LAB_ROLES),
  ],
);

export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: LAB_ROLES }).notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** SHA-256 of the random token; the token itself exists only in the link. */
    tokenHash: text('token_hash').notNull(),
    invitedById: integer('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedById: integer('accepted_by_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    /** The link went only to the invitee's mailbox; nobody else ever saw it (decision 018). */
    mailedOnly: integer('mailed_only', { mode: 'boolean' }).notNull().default(false),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('invitations_token_hash_unique').on(t.tokenHash),
    index('invitations_lab_idx').on(t.labId, t.createdAt),
    index('invitations_organisation_idx').on(t.organisationId),
    index('invitations_invited_by_idx').on(t.invitedById),
    // Disabling an account revokes the invitations to its address (services/user-admin.ts).
    index('invitations_email_idx').on(t.email),
    index('invitations_accepted_by_idx').on(t.acceptedById),
    oneOf('invitations_role_check', t.role, LAB_ROLES),
  ],
);

export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    /** The link went only to the account's mailbox, so using it proves the address (decision 018). */
    mailedOnly: integer('mailed_only', { mode: 'boolean' }).notNull().default(false),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('password_resets_token_hash_unique').on(t.tokenHash),
    index('password_resets_user_idx').on(t.userId),
    index('password_resets_created_by_idx').on(t.createdById),
  ],
);

/** A link mailed to an account's address; opening it and confirming proves the owner reads that mail. */
export const emailConfirmations = sqliteTable(
  'email_confirmations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token; the token itself exists only in the mailed link. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('email_confirmations_token_hash_unique').on(t.tokenHash),
    index('email_confirmations_user_idx').on(t.userId, t.createdAt),
  ],
);

/** A per-user secret URL for a lab's milestone calendar (ICS); revocable and renewable. */
export const calendarTokens = sqliteTable(
  'calendar_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token in the URL. */
    tokenHash: text('token_hash').notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('calendar_tokens_token_hash_unique').on(t.tokenHash),
    index('calendar_tokens_user_lab_idx').on(t.userId, t.labId),
    index('calendar_tokens_lab_idx').on(t.labId),
  ],
);

/** Sign-in attempts, for throttling guessing by account and by address. */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email'),
    ip: text('ip'),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    ...createdAt,
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.createdAt),
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
    // Pruning deletes by age alone (issue 9's query-plan test found it scanning the table).
    index('login_attempts_created_idx').on(t.createdAt),
  ],
);

/**
 * Sessions ended by signing out (decision 021): a copy of such a session's token is refused by
 * every server process. A row is kept until the last token of its session has expired anyway.
 */
export const revokedSessions = sqliteTable(
  'revoked_sessions',
  {
    /** The `sid` claim every token of one sign-in carries. */
    sessionId: text('session_id').primaryKey(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);

/** Single-use codes for signing in without the authenticator app; only their SHA-256 is kept. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    ...createdAt,
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_unique').on(t.userId, t.codeHash)],
);

/** Settings of the whole platform: one row (id 1), edited by admins. */
export const platformSettings = sqliteTable(
  'platform_settings',
  {
    id: integer('id').primaryKey(),
    /** 'managers': platform admins and every lab's managers; 'everyone': every account (decision 026). */
    twoFactorRequirement: text('two_factor_requirement', { enum: TWO_FACTOR_REQUIREMENTS }).notNull().default('none'),
    ...version,
    ...timestamps,
  },
  (t) => [
    check('platform_settings_single_row', sql`${t.id} = 1`),
    oneOf('platform_settings_two_factor_requirement_check', t.twoFactorRequirement, TWO_FACTOR_REQUIREMENTS),
  ],
);

/** Passkeys and security keys (WebAuthn) registered as a second factor (decision 027). */
export const securityKeys = sqliteTable(
  'security_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The credential id, base64url, as the authenticator reports it. */
    credentialId: text('credential_id').notNull(),
    /** The COSE public key, base64url: public, nothing to hide. */
    publicKey: text('public_key').notNull(),
    /** The authenticator's signature counter; a counter that goes back means a cloned key. */
    counter: integer('counter').notNull().default(0),
    /** JSON array of transports (usb, nfc, internal, …), passed back to the browser. */
    transports: text('transports'),
    name: text('name').notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    ...createdAt,
  },
  (t) => [uniqueIndex('security_keys_credential_unique').on(t.credentialId), index('security_keys_user_idx').on(t.userId)],
);

/**
 * Challenges of WebAuthn ceremonies under way: single use, five minutes. In the database so that
 * the process that checks the answer need not be the one that asked (decision 020).
 */
export const webauthnChallenges = sqliteTable(
  'webauthn_challenges',
  {
    challenge: text('challenge').primaryKey(),
    /** 'register' (the user adding a key) or 'authenticate' (a sign-in; no user yet). */
    purpose: text('purpose', { enum: ['register', 'authenticate'] }).notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('webauthn_challenges_expires_idx').on(t.expiresAt), index('webauthn_challenges_user_idx').on(t.userId, t.purpose)],
);
