/** Files on tickets (issue 16): the picker, the timeline and every refusal of an upload. */
import { catalog } from "../catalog";

export const attachments = catalog({
  nb: {
    label: "Vedlegg",
    help: "Dra filer hit, velg dem, eller lim inn et skjermbilde i tekstfeltet. Høyst {maxFiles} filer på {maxMb} MB hver.",
    choose: "Velg filer",
    remove: "Fjern {name}",
    chosen: "Valgte filer",
    download: "Last ned {name}",
    pasted: "skjermbilde-{n}.png",
    "refused.tooLarge": "«{name}» er større enn {maxMb} MB og ble ikke lastet opp.",
    "refused.tooMany": "Du kan legge ved høyst {maxFiles} filer per melding.",
    "refused.blocked": "«{name}» er en fil av en type vi ikke tar imot (programmer og skript, som {kind}).",
    "refused.empty": "«{name}» er tom.",
    "refused.infected": "«{name}» ble stoppet av virusskanningen ({signature}).",
    "refused.scanFailed": "«{name}» kunne ikke virusskannes nå. Prøv igjen om litt.",
  },
  en: {
    label: "Attachments",
    help: "Drop files here, choose them, or paste a screenshot into the text box. At most {maxFiles} files of {maxMb} MB each.",
    choose: "Choose files",
    remove: "Remove {name}",
    chosen: "Chosen files",
    download: "Download {name}",
    pasted: "screenshot-{n}.png",
    "refused.tooLarge": "“{name}” is larger than {maxMb} MB and was not uploaded.",
    "refused.tooMany": "You can attach at most {maxFiles} files to one message.",
    "refused.blocked": "“{name}” is a type of file we do not accept (programs and scripts, such as {kind}).",
    "refused.empty": "“{name}” is empty.",
    "refused.infected": "“{name}” was stopped by the virus scan ({signature}).",
    "refused.scanFailed": "“{name}” could not be scanned for viruses just now. Try again in a moment.",
  },
});
