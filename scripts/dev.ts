/** `npm run dev`: prepares the database (embedded when DATABASE_URL is unset), then runs `next dev`. */
import { serve } from "./lib/serve";

await serve("dev");
