import type { CalendarSpec } from "./calendar";

/** Shared test fixtures (imported by *.test.ts only). */
export const OSLO_OFFICE: CalendarSpec = {
  timeZone: "Europe/Oslo",
  weekly: {
    mon: [["08:00", "16:00"]],
    tue: [["08:00", "16:00"]],
    wed: [["08:00", "16:00"]],
    thu: [["08:00", "16:00"]],
    fri: [["08:00", "16:00"]],
  },
  holidays: { country: "NO" },
};

export const ALWAYS: CalendarSpec = {
  timeZone: "Europe/Oslo",
  weekly: {
    mon: [["00:00", "24:00"]],
    tue: [["00:00", "24:00"]],
    wed: [["00:00", "24:00"]],
    thu: [["00:00", "24:00"]],
    fri: [["00:00", "24:00"]],
    sat: [["00:00", "24:00"]],
    sun: [["00:00", "24:00"]],
  },
};

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
export const at = (s: string): Date => new Date(s);
