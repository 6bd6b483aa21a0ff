import { describe, expect, it } from "vitest";
import { CreateOrganizationSchema, ticketPrefixOf } from "./organization-schemas";
import { DEFAULT_TIME_ZONE } from "../../config/time-zone";

describe("an organisation's ticket prefix", () => {
  it("is the initials of the name without the company form, or its first two letters", () => {
    expect(ticketPrefixOf("Fjellheim Bygg AS")).toBe("FB");
    expect(ticketPrefixOf("Nordlys")).toBe("NO");
    expect(ticketPrefixOf("Øst og Vest Regnskap ASA")).toBe("OOVR");
    expect(ticketPrefixOf("4Service AS")).toBe("SE");
    expect(ticketPrefixOf("123")).toBe("KU");
  });

  it("is taken from the name when left empty, and kept when given", () => {
    const base = {
      name: "Fjellheim Bygg AS",
      orgNumber: "923609016",
      emailDomains: [],
      agreementId: null,
      monthlyFeeOre: null,
      confirmationWindowHours: 120,
      onCallOption: "VAKTTELEFON",
      defaultEmailPriority: "P3",
      contactPersonLimit: null,
      timeZone: DEFAULT_TIME_ZONE,
    } as const;
    expect(CreateOrganizationSchema.parse({ ...base, ticketPrefix: "" }).ticketPrefix).toBe("FB");
    expect(CreateOrganizationSchema.parse({ ...base, ticketPrefix: "fjb" }).ticketPrefix).toBe("FJB");
    expect(CreateOrganizationSchema.safeParse({ ...base, ticketPrefix: "F1" }).success).toBe(false);
  });
});
