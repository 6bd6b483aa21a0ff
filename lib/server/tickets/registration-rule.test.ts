import { describe, expect, it } from "vitest";
import { mayRegisterCases, restrictsRegistration } from "./registration-rule";

describe("who may register cases (contact persons, Pureservice 003)", () => {
  const limited = { contactPersonLimit: 3 };
  const open = { contactPersonLimit: null };

  it("an organisation without a limit lets every user register", () => {
    expect(restrictsRegistration(open)).toBe(false);
    expect(mayRegisterCases(open, { role: "END_USER", isContactPerson: false })).toBe(true);
  });

  it("with a limit, contact persons and customer admins may, other end users may not", () => {
    expect(restrictsRegistration(limited)).toBe(true);
    expect(mayRegisterCases(limited, { role: "END_USER", isContactPerson: true })).toBe(true);
    expect(mayRegisterCases(limited, { role: "CUSTOMER_ADMIN", isContactPerson: false })).toBe(true);
    expect(mayRegisterCases(limited, { role: "END_USER", isContactPerson: false })).toBe(false);
  });

  it("a limit of 0 still restricts registration (to the customer admins)", () => {
    expect(mayRegisterCases({ contactPersonLimit: 0 }, { role: "END_USER", isContactPerson: false })).toBe(false);
    expect(mayRegisterCases({ contactPersonLimit: 0 }, { role: "CUSTOMER_ADMIN", isContactPerson: false })).toBe(true);
  });
});
