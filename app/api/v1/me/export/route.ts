import { withUser } from "@/lib/api/with-user";
import { exportDownload } from "@/lib/account/export-download";
import { exportAccountData } from "@/lib/account/export-data";
import { accountExportSchema } from "@/lib/account/schemas";

export const GET = withUser({ summary: "Download your data", response: accountExportSchema }, async ({ principal }) =>
  exportDownload(await exportAccountData(principal.userId)),
);
