import "server-only";
/** How the messages of a ticket came, for the agent's ticket page (issue 17). */
export { readTicketMail, type MailHeaders, type MessageSource, type TicketMail } from "./read-ticket-mail";
export { originalMailResponse } from "./original-mail";
