import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/api/errors";

/**
 * Any /api path no route serves: a problem+json 404 with the request id (and, under /api/v1,
 * the version) like every other answer, instead of the HTML not-found page.
 */
const notFound = apiRoute(async (req) => {
  throw new AppError("not_found", `No API route at ${req.nextUrl.pathname}. The API reference is at /docs/api.`);
});

export { notFound as DELETE, notFound as GET, notFound as HEAD, notFound as OPTIONS, notFound as PATCH, notFound as POST, notFound as PUT };
