/**
 * Every area's catalogue, combined. To add an area: create `messages/<area>.ts` exporting
 * `export const <area> = catalog({ nb: {...}, en: {...} })`, then add one import line and one
 * entry line below. Keys are used as "<area>.<key>".
 */
import { common } from "./common";
import { auth } from "./auth";
import { portal } from "./portal";
import { admin } from "./admin";
import { agent } from "./agent";
import { oncall } from "./oncall";
import { report } from "./report";
import { notify } from "./notify";
import { attachments } from "./attachments";
import { account } from "./account";
import { twofa } from "./twofa";
import { agreements } from "./agreements";
import { orgs } from "./orgs";
import { audit } from "./audit";
import { oidc } from "./oidc";
import { contacts } from "./contacts";
import { versions } from "./versions";
import { auditActions } from "./audit-actions";
import { quarter } from "./quarter";
import { mailIntake } from "./mail-intake";
import { notices } from "./notices";
import { mailboxes } from "./mailboxes";
import { mailUi } from "./mail-ui";
import { rota } from "./rota";
import { incidents } from "./incidents";
import { related } from "./related";
import { security } from "./security";
import { ooh } from "./out-of-hours";
import { assignment } from "./assignment";
import { workspace } from "./workspace";
import { search } from "./search";

export const areas = {
  common,
  auth,
  portal,
  admin,
  agent,
  oncall,
  report,
  notify,
  attachments,
  account,
  twofa,
  agreements,
  orgs,
  audit,
  oidc,
  contacts,
  versions,
  auditActions,
  quarter,
  mailIntake,
  notices,
  mailboxes,
  mailUi,
  rota,
  incidents,
  security,
  ooh,
  related,
  assignment,
  workspace,
  search,
};
