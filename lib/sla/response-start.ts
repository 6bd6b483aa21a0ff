/**
 * What stops the response clock (SLA-RULES §2): the one rule the ticket actions ask. The clock
 * stops when troubleshooting starts: an agent marks it explicitly, solves the ticket, or sends
 * the customer a public message, when the agreement's customer counts the first public reply
 * (Organization.replyStartsTroubleshooting). Every public message from an agent to the customer
 * counts alike: a plain reply, and the message sent while setting the ticket to wait for the
 * customer.
 */

export type TroubleshootingStartCause = "explicit" | "resolved" | "first_reply";

/** What a person did to a ticket, as far as the response clock cares. */
export type ResponseActivity =
  | { kind: "start_troubleshooting" }
  | { kind: "resolve" }
  /** A message the customer sees: a reply, or the message sent with "wait for the customer". */
  | { kind: "public_message"; byStaff: boolean };

export interface ResponseStartSettings {
  /** Whether an agent's first public message to the customer starts troubleshooting. */
  publicReplyStartsTroubleshooting: boolean;
}

/** Whether the activity starts troubleshooting (stops the response clock), and as what; null if it does not. */
export function troubleshootingStartCause(activity: ResponseActivity, settings: ResponseStartSettings): TroubleshootingStartCause | null {
  switch (activity.kind) {
    case "start_troubleshooting":
      return "explicit";
    case "resolve":
      return "resolved";
    case "public_message":
      return activity.byStaff && settings.publicReplyStartsTroubleshooting ? "first_reply" : null;
  }
}
