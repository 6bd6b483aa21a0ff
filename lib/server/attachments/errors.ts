import "server-only";
/**
 * An upload refused (too large, too many, a blocked type, found by the virus scan): a 422 whose
 * message is the catalogue's, in English for the API; the portal and the agent page show the same
 * key in the reader's language.
 */
import { t, type MessageKey, type MessageVars } from "../../i18n";
import { AppError } from "../errors";

export type RefusalKey = Extract<MessageKey, `attachments.refused.${string}`>;

export class AttachmentRefused extends AppError {
  constructor(
    readonly key: RefusalKey,
    readonly vars: MessageVars,
  ) {
    super("unprocessable", t("en", key, vars), { files: [t("en", key, vars)] });
  }
}
