import "server-only";
/** The file picker's words in the reader's language, with this installation's limits filled in. */
import type { Translate } from "../../i18n";
import { attachmentConfig, maxMb } from "./config";

export function filePickerText(t: Translate) {
  const { limits } = attachmentConfig();
  return {
    label: t("attachments.label"),
    help: t("attachments.help", { maxFiles: limits.maxFiles, maxMb: maxMb(limits) }),
    chosen: t("attachments.chosen"),
    remove: t("attachments.remove"),
    pasted: t("attachments.pasted"),
  };
}
