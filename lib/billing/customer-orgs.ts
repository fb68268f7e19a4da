import { scoped } from "@/lib/db/tenant-transaction";

export type CustomerOrg = { id: string; stripeCustomerId: string };

const PAGE = 100;

/** Every org with a Stripe customer, a page at a time (organizations are not row-scoped; read as the app role). */
export async function* orgsWithCustomers(): AsyncGenerator<CustomerOrg> {
  let after = "";
  for (;;) {
    const page = await scoped({}, (tx) =>
      tx.organization.findMany({
        where: { stripeCustomerId: { not: null }, id: { gt: after } },
        select: { id: true, stripeCustomerId: true },
        orderBy: { id: "asc" },
        take: PAGE,
      }),
    );
    for (const org of page) if (org.stripeCustomerId) yield { id: org.id, stripeCustomerId: org.stripeCustomerId };
    if (page.length < PAGE) return;
    after = page.at(-1)!.id;
  }
}
