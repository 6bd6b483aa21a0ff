/** GET /reports/:month/pdf: the month's report as PDF. */
import { reportDownload } from "@/lib/server/reports/download";
import { reportPdf } from "@/lib/server/reports/report-pdf";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ month: string }> }): Promise<Response> {
  const { month } = await params;
  return reportDownload(request, month, async (view) => ({ body: Buffer.from(await reportPdf(view.figures, view.status)), contentType: "application/pdf", extension: "pdf" }));
}
