/** GET /reports/:month/csv: the month's report as CSV in the reader's language (Norwegian: `;` and decimal comma, for Norwegian Excel). */
import { reportDownload } from "@/lib/server/reports/download";
import { reportCsv } from "@/lib/server/reports/report-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ month: string }> }): Promise<Response> {
  const { month } = await params;
  return reportDownload(request, month, async ({ view, locale }) => ({ body: reportCsv(view.figures, locale), contentType: "text/csv; charset=utf-8", extension: "csv" }));
}
