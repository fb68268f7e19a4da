/** Rewrites lib/openapi/route-modules.ts from the route files on disk. Run after adding or removing an /api/v1 route. */
import { writeFile } from "node:fs/promises";
import { renderRouteModules, ROUTE_MODULES_FILE } from "@/lib/openapi/route-modules-source";

await writeFile(ROUTE_MODULES_FILE, await renderRouteModules());
console.log(`wrote ${ROUTE_MODULES_FILE}`);
