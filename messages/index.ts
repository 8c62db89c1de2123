// Messages are split by namespace (one file per area of the product) and merged here.
// Add a namespace: create messages/en/<ns>.json and messages/zh-CN/<ns>.json, import both below.
import enActivity from './en/activity.json';
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enDirectory from './en/directory.json';
import enEnums from './en/enums.json';
import enErrors from './en/errors.json';
import enGoals from './en/goals.json';
import enLab from './en/lab.json';
import enMeta from './en/meta.json';
import enNav from './en/nav.json';
import enUpdates from './en/updates.json';
import enPortfolio from './en/portfolio.json';
import enPublicLab from './en/publicLab.json';
import enValidation from './en/validation.json';
import enWorkspace from './en/workspace.json';
import zhActivity from './zh-CN/activity.json';
import enTimeline from './en/timeline.json';
import enAdmin from './en/admin.json';
import enLabSettings from './en/labSettings.json';
import enMembers from './en/members.json';
import enInvitations from './en/invitations.json';
import enAccount from './en/account.json';
import enForms from './en/forms.json';
import enReport from './en/report.json';
import zhAuth from './zh-CN/auth.json';
import zhCommon from './zh-CN/common.json';
import zhDirectory from './zh-CN/directory.json';
import zhEnums from './zh-CN/enums.json';
import zhErrors from './zh-CN/errors.json';
import zhGoals from './zh-CN/goals.json';
import zhLab from './zh-CN/lab.json';
import zhMeta from './zh-CN/meta.json';
import zhNav from './zh-CN/nav.json';
import zhUpdates from './zh-CN/updates.json';
import zhPortfolio from './zh-CN/portfolio.json';
import zhPublicLab from './zh-CN/publicLab.json';
import zhValidation from './zh-CN/validation.json';
import zhWorkspace from './zh-CN/workspace.json';
import zhTimeline from './zh-CN/timeline.json';
import zhAdmin from './zh-CN/admin.json';
import zhLabSettings from './zh-CN/labSettings.json';
import zhMembers from './zh-CN/members.json';
import zhInvitations from './zh-CN/invitations.json';
import zhAccount from './zh-CN/account.json';
import zhForms from './zh-CN/forms.json';
import zhReport from './zh-CN/report.json';

export const en = {
  ...enMeta,
  ...enCommon,
  ...enNav,
  ...enEnums,
  ...enDirectory,
  ...enAuth,
  ...enWorkspace,
  ...enLab,
  ...enErrors,
  ...enValidation,
  ...enUpdates,
  ...enActivity,
  ...enTimeline,
  ...enGoals,
  ...enPortfolio,
  ...enAdmin,
  ...enLabSettings,
  ...enMembers,
  ...enInvitations,
  ...enAccount,
  ...enForms,
  ...enPublicLab,
  ...enReport,
};

export const zhCN = {
  ...zhMeta,
  ...zhCommon,
  ...zhNav,
  ...zhEnums,
  ...zhDirectory,
  ...zhAuth,
  ...zhWorkspace,
  ...zhLab,
  ...zhErrors,
  ...zhValidation,
  ...zhUpdates,
  ...zhActivity,
  ...zhTimeline,
  ...zhGoals,
  ...zhPortfolio,
  ...zhAdmin,
  ...zhLabSettings,
  ...zhMembers,
  ...zhInvitations,
  ...zhAccount,
  ...zhForms,
  ...zhPublicLab,
  ...zhReport,
};
