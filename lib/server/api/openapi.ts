import "server-only";
/**
 * The OpenAPI 3.1 document of /api/v1, built from the same zod schemas that validate the requests
 * (lib/server/tickets/schemas.ts) and describe the answers (view-schemas.ts), with z.toJSONSchema.
 */
import { z } from "zod";
import { ListTicketsSchema, RegisterTicketSchema, TicketActionSchema } from "../tickets/schemas";
import { CloseIncidentSchema, ListIncidentsSchema, OpenIncidentSchema, UpdateIncidentSchema } from "../incidents/schemas";
import { ClaimCreditBodySchema } from "./credit-claim";
import { InviteUserSchema } from "../people/schemas";
import { ErrorBodySchema, TicketEventListSchema, TicketListSchema, TicketViewSchema } from "./view-schemas";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

/** Fields only staff get (lib/server/tickets/audience.ts): optional in the document, with a note. */
const STAFF_ONLY = ["line", "assigneeId", "securityIncident", "slaExclusionReason"];
function staffOnlyFields(schema: JsonSchema): JsonSchema {
  const required = (schema.required as string[] | undefined)?.filter((name) => !STAFF_ONLY.includes(name));
  const properties = { ...(schema.properties as Record<string, JsonSchema>) };
  for (const name of STAFF_ONLY) if (properties[name]) properties[name] = { ...properties[name], description: "Servicedesk staff only: left out for customers' users" };
  return { ...schema, properties, required };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: string) => ({ "application/json": { schema: ref(name) } });
const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** A JSON body, or the same fields as multipart/form-data with one or more `files` (issue 16). */
const FILES_DESCRIPTION =
  "One or more files (repeat the field). Limits: ATTACHMENT_MAX_MB a file (20 by default) and ATTACHMENT_MAX_FILES a message (10), counted while the file streams in; " +
  "the type is detected from the bytes, and programs and scripts (exe, msi, dll, sh, bat, cmd, ps1, js, html, svg, …) are refused with 422.";
function withFiles(name: string): object {
  return {
    "application/json": { schema: ref(name) },
    "multipart/form-data": {
      schema: {
        allOf: [ref(name), { type: "object", properties: { files: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" }, description: FILES_DESCRIPTION } } }],
      },
      encoding: { files: { contentType: "application/octet-stream" } },
    },
  };
}

function queryParameters(schema: z.ZodObject): object[] {
  const properties = (schemaOf(schema, "input").properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));
}

const ticketId = {
  name: "id",
  in: "path",
  required: true,
  description: "The ticket's id. A ticket the caller may not see, or an id that is not a uuid, is answered with 404.",
  schema: { type: "string", format: "uuid" },
};

const pathId = (description: string) => ({ name: "id", in: "path", required: true, description, schema: { type: "string", format: "uuid" } });

const rateLimitHeaders = {
  "X-RateLimit-Limit": { description: "Calls allowed per minute for the caller's organisation", schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Calls left in the current minute", schema: { type: "integer" } },
};

const STATUS_NAMES: Record<string, string> = {
  "400": "BadRequest",
  "401": "Unauthenticated",
  "403": "Forbidden",
  "404": "NotFound",
  "409": "Conflict",
  "422": "Unprocessable",
  "429": "RateLimited",
  "500": "Internal",
};
const errorResponses = (...statuses: (keyof typeof STATUS_NAMES)[]) => Object.fromEntries(statuses.map((status) => [status, errorRef(STATUS_NAMES[status]!)]));
const ok = (description: string, schema: string, status = "200") => ({
  [status]: { description, headers: rateLimitHeaders, content: jsonContent(schema) },
});

function error(description: string, extraHeaders: object = {}) {
  return { description, headers: extraHeaders, content: jsonContent("Error") };
}

export function buildOpenApiDocument(): object {
  const actionSchema = { ...schemaOf(TicketActionSchema, "input"), discriminator: { propertyName: "type" } };
  return {
    openapi: "3.1.0",
    info: {
      title: "Helpdesk REST API",
      version: "1.0.0",
      description:
        "Tickets with SLA response clocks. Authenticate with `Authorization: Bearer <token>` (create one with " +
        "`npm run cli -- token create --email <user>`). Every caller sees only what their role may see; anything else is 404. " +
        "At most the configured number of calls per minute (100 by default) per customer organisation, shared by all its tokens.",
    },
    security: [{ bearerAuth: [] }],
    paths: {
      "/api/v1/tickets": {
        get: {
          operationId: "listTickets",
          summary: "Tickets the caller may see, newest first, one page at a time; with `q`, a full-text search ranked by relevance",
          parameters: queryParameters(ListTicketsSchema),
          responses: { ...ok("A page of tickets", "TicketList"), ...errorResponses("400", "401", "429", "500") },
        },
        post: {
          operationId: "registerTicket",
          summary: "Register a ticket; its response clock starts at once",
          requestBody: { required: true, content: withFiles("RegisterTicket") },
          responses: { ...ok("The registered ticket", "Ticket", "201"), ...errorResponses("400", "401", "403", "422", "429", "500") },
        },
      },
      "/api/v1/tickets/{id}": {
        get: {
          operationId: "getTicket",
          summary: "One ticket",
          parameters: [ticketId],
          responses: { ...ok("The ticket", "Ticket"), ...errorResponses("401", "404", "429", "500") },
        },
      },
      "/api/v1/tickets/{id}/events": {
        get: {
          operationId: "listTicketEvents",
          summary: "The ticket's history, oldest first",
          parameters: [ticketId],
          responses: { ...ok("The events", "TicketEventList"), ...errorResponses("401", "404", "429", "500") },
        },
        post: {
          operationId: "applyTicketAction",
          summary: "Act on a ticket (start, reply, note, escalate, wait, resume, resolve, confirm, reopen, priority, …) as the caller's role allows",
          parameters: [ticketId],
          requestBody: { required: true, content: withFiles("TicketAction") },
          responses: { ...ok("The ticket after the action", "Ticket"), ...errorResponses("400", "401", "404", "409", "422", "429", "500") },
        },
      },
      "/api/v1/attachments/{id}": {
        get: {
          operationId: "downloadAttachment",
          summary: "Download a file of a ticket the caller may see (an internal note's files are for staff only)",
          description:
            "The `url` of an attachment. Sent with `Content-Disposition: attachment` except png, jpeg, gif and webp images (inline), " +
            "`X-Content-Type-Options: nosniff` and a sandboxing Content-Security-Policy; HTML and SVG are never served inline.",
          parameters: [pathId("The attachment's id. One the caller may not see is answered with 404.")],
          responses: {
            "200": {
              description: "The file's bytes",
              headers: { ...rateLimitHeaders, "Content-Disposition": { schema: { type: "string" } } },
              content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
            },
            ...errorResponses("401", "404", "429", "500"),
          },
        },
      },
      "/api/v1/escalations/{id}/acknowledge": {
        post: {
          operationId: "acknowledgePage",
          summary: "Acknowledge an on-call page: the re-notification chain stops (repeating it is harmless)",
          parameters: [pathId("The escalation's id")],
          responses: { ...ok("The acknowledgement: who acknowledged and when", "Object"), ...errorResponses("401", "404", "429", "500") },
        },
      },
      "/api/v1/organizations/{id}/sla-report": {
        get: {
          operationId: "getSlaReport",
          summary: "An organisation's SLA report for a calendar month (in the installation's TIME_ZONE, Europe/Oslo by default): tickets within target, breaches, exclusions, uptime and credit",
          parameters: [
            pathId("The organisation's id (customer admins: their own; provider admins: any)"),
            { name: "month", in: "query", required: true, schema: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$" }, description: "YYYY-MM" },
          ],
          responses: { ...ok("The month's figures, with each line of the credit calculation", "Object"), ...errorResponses("400", "401", "404", "429", "500") },
        },
      },
      "/api/v1/organizations/{id}/credit-claims": {
        post: {
          operationId: "claimCredit",
          summary:
            "Claim a month's credit under a claim rule (Pureservice 003 §4.3: within 4 weeks of the downtime, or it is forfeited); customer admins for their own organisation, provider admins for any",
          parameters: [pathId("The organisation's id (customer admins: their own; provider admins: any)")],
          requestBody: { required: true, content: jsonContent("ClaimCredit") },
          responses: { ...ok("The claim: state (claimed), deadline and when it was claimed", "Object", "201"), ...errorResponses("400", "401", "404", "409", "422", "429", "500") },
        },
      },
      "/api/v1/incidents": {
        get: {
          operationId: "listIncidents",
          summary: "Incidents (downtime), for staff",
          parameters: queryParameters(ListIncidentsSchema),
          responses: { ...ok("The incidents", "Object"), ...errorResponses("400", "401", "404", "429", "500") },
        },
        post: {
          operationId: "openIncident",
          summary:
            "Open an incident (agents and provider admins), optionally from a P1 ticket, for one or more organisations with linked tickets; whether it counts as downtime and why not. The affected customers' admins are told by e-mail",
          requestBody: { required: true, content: jsonContent("OpenIncident") },
          responses: { ...ok("The incident", "Object", "201"), ...errorResponses("400", "401", "404", "422", "429", "500") },
        },
      },
      "/api/v1/incidents/{id}/close": {
        post: {
          operationId: "closeIncident",
          summary: "Close an incident with its end",
          parameters: [pathId("The incident's id")],
          requestBody: { required: true, content: jsonContent("CloseIncident") },
          responses: { ...ok("The incident", "Object"), ...errorResponses("400", "401", "404", "409", "429", "500") },
        },
      },
      "/api/v1/incidents/{id}/updates": {
        post: {
          operationId: "updateIncident",
          summary: "Tell the affected customers' admins how an open incident is going (an e-mail to each, issue 18)",
          parameters: [pathId("The incident's id")],
          requestBody: { required: true, content: jsonContent("UpdateIncident") },
          responses: { ...ok("The update", "Object", "201"), ...errorResponses("400", "401", "404", "409", "429", "500") },
        },
      },
      "/api/v1/users/invitations": {
        post: {
          operationId: "inviteUser",
          summary:
            "Invite a person by e-mail: they get a one-time link (72 h) to choose a password. A customer admin invites END_USER or CUSTOMER_ADMIN into their own organisation (another organisation: 404; another role: 422); a provider admin names organizationId",
          requestBody: { required: true, content: jsonContent("InviteUser") },
          responses: { ...ok("The invited user", "Object", "201"), ...errorResponses("400", "401", "404", "409", "422", "429", "500") },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "openApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API token (hd_…)" } },
      schemas: {
        RegisterTicket: schemaOf(RegisterTicketSchema, "input"),
        TicketAction: actionSchema,
        Ticket: staffOnlyFields(schemaOf(TicketViewSchema, "output")),
        TicketList: schemaOf(TicketListSchema, "output"),
        TicketEventList: schemaOf(TicketEventListSchema, "output"),
        Error: schemaOf(ErrorBodySchema, "output"),
        OpenIncident: schemaOf(OpenIncidentSchema, "input"),
        CloseIncident: schemaOf(CloseIncidentSchema, "input"),
        UpdateIncident: schemaOf(UpdateIncidentSchema.omit({ id: true }), "input"),
        InviteUser: schemaOf(InviteUserSchema, "input"),
        ClaimCredit: schemaOf(ClaimCreditBodySchema, "input"),
        Object: { type: "object" },
      },
      responses: {
        BadRequest: error("The input is not valid: malformed JSON, or fields that fail validation (listed in `fields`)"),
        Unauthenticated: error("No bearer token, or one that is unknown, revoked or expired", {
          "WWW-Authenticate": { schema: { type: "string" } },
        }),
        Forbidden: error(
          'The requester may not register cases: their organisation\'s agreement lets only its contact persons and customer admins do so (`code` forbidden, `fields.requesterId` ["contact_person_required"])',
        ),
        NotFound: error("No such ticket, or one the caller may not see (the same answer for both)"),
        Conflict: error("The action does not fit the ticket's current state"),
        Unprocessable: error("Well-formed input the rules refuse, or an action the caller's role may not take"),
        RateLimited: error("Too many calls this minute for the caller's organisation", {
          "Retry-After": { description: "Seconds until the current minute ends", schema: { type: "integer" } },
          ...rateLimitHeaders,
        }),
        Internal: error("Something went wrong on the server (no details are given)"),
      },
    },
  };
}
