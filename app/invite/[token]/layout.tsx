// The invitation page wears the same frame as sign-in and sign-up, which it leads to.
export { default } from "@/app/(auth)/layout";
