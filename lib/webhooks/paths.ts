/** The dashboard's webhook pages, for links in emails and between pages. */
export const webhooksPath = (slug: string) => `/dashboard/${slug}/settings/webhooks`;
export const webhookEndpointPath = (slug: string, endpointId: string) => `${webhooksPath(slug)}/${endpointId}`;
