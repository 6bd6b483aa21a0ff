/** GET /reports/:month/pdf: the month's report as the PDF document a provider sends, in the reader's language. */
import { reportDownload } from "@/lib/server/reports/download";
import { reportDocument } from "@/lib/server/reports/report-document";
import { reportPdf } from "@/lib/server/reports/report-pdf";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ month: string }> }): Promise<Response> {
  const { month } = await params;
  return reportDownload(request, month, async (download) => ({ body: Buffer.from(await reportPdf(await reportDocument(download))), contentType: "application/pdf", extension: "pdf" }));
}
