import "server-only";
/**
 * Who may register cases for a customer organisation (issue 15; Pureservice 003: "Antall personer
 * som kan henvende seg til Pureservice Support: 3"). Pure: no database, no clock.
 *
 * An organisation with a contact person limit (`contactPersonLimit` set) has an agreement that
 * restricts registration to its contact persons: only users marked as contact persons and the
 * organisation's customer admins may register cases, also when staff register on their behalf.
 * Without a limit, every active user of the organisation may.
 */
import type { Role } from "../../generated/prisma/enums";

export interface RegistrationOrganization {
  contactPersonLimit: number | null;
}

export interface RegistrationRequester {
  role: Role;
  isContactPerson: boolean;
}

/** The stable reason a refused registration carries (in the REST API's `error.fields.requesterId`). */
export const CONTACT_PERSON_REQUIRED = "contact_person_required";

export const restrictsRegistration = (organization: RegistrationOrganization): boolean => organization.contactPersonLimit !== null;

export function mayRegisterCases(organization: RegistrationOrganization, requester: RegistrationRequester): boolean {
  if (!restrictsRegistration(organization)) return true;
  return requester.isContactPerson || requester.role === "CUSTOMER_ADMIN";
}
