import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("is not a valid email address").max(254));

export const passwordSchema = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(128, "must be at most 128 characters");

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  email: emailSchema,
  password: passwordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(128),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
