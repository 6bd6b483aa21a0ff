/** GET /reports/:month/csv: the month's report as CSV (`;`-separated, decimal comma, for Norwegian Excel). */
import { reportDownload } from "@/lib/server/reports/download";
import { reportCsv } from "@/lib/server/reports/report-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ month: string }> }): Promise<Response> {
  const { month } = await params;
  return reportDownload(request, month, async (view) => ({ body: reportCsv(view.figures), contentType: "text/csv; charset=utf-8", extension: "csv" }));
}
