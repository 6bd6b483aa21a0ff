import "server-only";
export { inviteUser } from "./invite-user";
export { requestPasswordReset } from "./request-password-reset";
export { setPasswordWithLink, findOpenAccountLink, isLinkNotFound } from "./set-password-with-link";
export { listOrganizationUsers, type PersonRow, type PersonStatus } from "./list-organization-users";
