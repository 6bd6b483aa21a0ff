import "server-only";
/** The provider admin's use cases (PROVIDER_ADMIN only; anyone else gets not_found). */
export { listOrganizations, type OrganizationRow } from "./list-organizations";
export { changeOrganizationAgreement } from "./change-organization-agreement";
export { listUsers, type OrganizationUsers, type UserRow } from "./list-users";
export { createUser } from "./create-user";
export { deactivateUser } from "./deactivate-user";
export { listCalendars, type CalendarRow } from "./list-calendars";
export { getCalendar, type CalendarDetail } from "./get-calendar";
export { createCalendar } from "./create-calendar";
export { setCalendarDate } from "./set-calendar-date";
export { listAgreements, type AgreementRow } from "./list-agreements";
export { getAgreement, type AgreementDetail } from "./get-agreement";
export { getAgreementVersion, type AgreementVersionDetail } from "./get-agreement-version";
export { createAgreementVersion, AGREEMENT_TIME_ZONE } from "./create-agreement-version";
export { listUserTokens, type UserTokens } from "./list-user-tokens";
export { createUserToken } from "./create-user-token";
export { revokeUserToken } from "./revoke-user-token";
export { WEEKDAYS, type Weekday } from "./schemas";
