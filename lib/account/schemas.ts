import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/auth/schemas";
import { ProjectStatus, Role } from "@/lib/db/generated/enums";

const displayNameSchema = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

/** Optional in the schema because OAuth and magic-link users have no password; the service decides. */
const currentPasswordSchema = z.string().max(128, "must be at most 128 characters").optional();

export const profileUpdateSchema = z.object({ name: displayNameSchema });

/** Re-authentication is the route's (`recentAuth`), not a field here. */
export const emailChangeRequestSchema = z.object({ newEmail: emailSchema });

export const passwordChangeSchema = z.object({
  currentPassword: currentPasswordSchema,
  newPassword: passwordSchema,
});

export const accountDeleteSchema = z.object({
  confirmEmail: emailSchema,
});

/** 32 random bytes, base64url: exactly 43 characters. Anything else is not one of our links. */
export const emailChangeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export type ProfileUpdateInput = z.infer<typeof profileUpdateSchema>;
export type EmailChangeRequestInput = z.infer<typeof emailChangeRequestSchema>;
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;
export type AccountDeleteInput = z.infer<typeof accountDeleteSchema>;

const instant = z.iso.datetime();

/** A change of address that waits for its confirmation link to be opened. */
export const pendingEmailChangeSchema = z.object({ newEmail: z.string(), expiresAt: instant });

export const profileSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  emailVerified: instant.nullable(),
  /** Set by OAuth providers; the UI shows initials either way. */
  image: z.string().nullable(),
  /** Whether the account can sign in with a password (and must give it to change sign-in details). */
  hasPassword: z.boolean(),
  /** Linked OAuth providers, e.g. ["github"]. */
  providers: z.array(z.string()),
  createdAt: instant,
  pendingEmailChange: pendingEmailChangeSchema.nullable(),
});

const orgRef = z.object({ slug: z.string(), name: z.string() });

/** Orgs deleted with the account (it was their only member) and orgs it left. */
export const accountDeletionSchema = z.object({ deletedOrganizations: z.array(orgRef), leftOrganizations: z.array(orgRef) });

/** Everything Tenantkit holds about the person (GET /api/v1/me/export), as one JSON file. */
export const accountExportSchema = z.object({
  format: z.literal("tenantkit.account-export.v1"),
  exportedAt: instant,
  profile: z.object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string(),
    emailVerified: instant.nullable(),
    image: z.string().nullable(),
    hasPassword: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  }),
  /** Which OAuth identities sign in to this account; their tokens are credentials, not data, and stay out. */
  linkedAccounts: z.array(z.object({ provider: z.string(), type: z.string(), providerAccountId: z.string() })),
  emailChanges: z.array(z.object({ newEmail: z.string(), requestedAt: instant, expiresAt: instant, confirmedAt: instant.nullable() })),
  memberships: z.array(
    z.object({
      organization: z.object({ id: z.string(), slug: z.string(), name: z.string(), personal: z.boolean() }),
      role: z.enum(Role),
      joinedAt: instant,
      projectsCreated: z.array(
        z.object({ id: z.string(), name: z.string(), description: z.string(), status: z.enum(ProjectStatus), createdAt: instant, updatedAt: instant }),
      ),
    }),
  ),
});

export type Profile = z.infer<typeof profileSchema>;
export type PendingEmailChange = z.infer<typeof pendingEmailChangeSchema>;
export type AccountDeletion = z.infer<typeof accountDeletionSchema>;
export type AccountExport = z.infer<typeof accountExportSchema>;
