-- Usage metering: one counter per org, UTC day and metric (lib/billing/usage-metrics.ts).

-- CreateTable
CREATE TABLE "usage_counters" (
    "orgId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "metric" TEXT NOT NULL,
    "quantity" BIGINT NOT NULL DEFAULT 0,
    "reportedQuantity" BIGINT NOT NULL DEFAULT 0,
    "reportingQuantity" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_counters_pkey" PRIMARY KEY ("orgId","day","metric")
);

-- AddForeignKey
ALTER TABLE "usage_counters" ADD CONSTRAINT "usage_counters_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Below: what Prisma's schema cannot say.

-- Members read their own org's counters (the billing page, the apiCallsPerMonth limit). The
-- report job, scoped to one org like a request, moves only the reported marks; counting goes
-- through app_record_usage below and nothing else.
GRANT SELECT ON "usage_counters" TO tenantkit_app;
GRANT UPDATE ("reportedQuantity", "reportingQuantity", "updatedAt") ON "usage_counters" TO tenantkit_app;
ALTER TABLE "usage_counters" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "usage_counters" FORCE ROW LEVEL SECURITY;
CREATE POLICY "usage_counters_tenant_isolation" ON "usage_counters" TO tenantkit_app
  USING ("orgId" = app_current_org_id())
  WITH CHECK ("orgId" = app_current_org_id());
-- The flush adds to many orgs' counters in one statement, as the owner (the function below):
-- FORCE ROW LEVEL SECURITY applies to the owner too, so it gets a policy of its own.
CREATE POLICY "usage_counters_owner" ON "usage_counters" TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- One round trip adds every org's pending counts (lib/billing/usage-recorder.ts). SECURITY
-- DEFINER with a fixed search_path, like app_enqueue_job: the app may add to counters, never
-- set or lower them. Counts for an org deleted since they were recorded are dropped with it.
CREATE FUNCTION public.app_record_usage(org_ids text[], days date[], metrics text[], quantities bigint[]) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$
    INSERT INTO public.usage_counters ("orgId", day, metric, quantity)
    SELECT u.org_id, u.day, u.metric, sum(u.quantity)
    FROM unnest(org_ids, days, metrics, quantities) AS u(org_id, day, metric, quantity)
    WHERE u.quantity > 0 AND EXISTS (SELECT 1 FROM public.organizations o WHERE o.id = u.org_id)
    GROUP BY u.org_id, u.day, u.metric
    ON CONFLICT ("orgId", day, metric)
    DO UPDATE SET quantity = public.usage_counters.quantity + excluded.quantity, "updatedAt" = now()
  $$;
REVOKE ALL ON FUNCTION public.app_record_usage(text[], date[], text[], bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.app_record_usage(text[], date[], text[], bigint[]) TO tenantkit_app;
