/** The org's billing page in the dashboard: where refusals, banners and Stripe's return links send admins. */
export const billingPath = (orgSlug: string) => `/dashboard/${orgSlug}/billing`;
