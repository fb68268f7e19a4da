/** `npm start`: prepares the database (embedded when DATABASE_URL is unset), then runs `next start` on a build. */
import { serve } from "./lib/serve";

await serve("start");
