// Messages are split by namespace (one file per area of the product) and merged here.
// Add a namespace: create messages/en/<ns>.json and messages/zh-CN/<ns>.json, import both below.
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enDirectory from './en/directory.json';
import enEnums from './en/enums.json';
import enErrors from './en/errors.json';
import enLab from './en/lab.json';
import enMeta from './en/meta.json';
import enNav from './en/nav.json';
import enPublicLab from './en/publicLab.json';
import enValidation from './en/validation.json';
import enWorkspace from './en/workspace.json';
import zhAuth from './zh-CN/auth.json';
import zhCommon from './zh-CN/common.json';
import zhDirectory from './zh-CN/directory.json';
import zhEnums from './zh-CN/enums.json';
import zhErrors from './zh-CN/errors.json';
import zhLab from './zh-CN/lab.json';
import zhMeta from './zh-CN/meta.json';
import zhNav from './zh-CN/nav.json';
import zhPublicLab from './zh-CN/publicLab.json';
import zhValidation from './zh-CN/validation.json';
import zhWorkspace from './zh-CN/workspace.json';

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
  ...enPublicLab,
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
  ...zhPublicLab,
};
