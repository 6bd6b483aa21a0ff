import "server-only";
/** Each customer organisation's own OpenID Connect identity provider (issue 15). */
export { getOrganizationOidc, type OrganizationOidcView } from "./get-organization-oidc";
export { saveOrganizationOidc } from "./save-organization-oidc";
export { setOrganizationOidcEnabled } from "./set-organization-oidc-enabled";
export { listOidcSignInOptions, organizationOidcProviders, oidcSignInDecision, type OrganizationOidcProvider } from "./sign-in";
export { organizationProviderId, organizationIdOfProvider } from "./record";
