"use client";

import { useState, type FormEvent } from "react";
import {
  PROJECT_STATUSES,
  projectCreateSchema,
  projectStatusSchema,
  projectUpdateSchema,
  type ProjectCreateInput,
  type ProjectDto,
  type ProjectStatus,
  type ProjectUpdateInput,
} from "@/lib/projects/schemas";
import { type FieldErrors, zodFieldErrors } from "@/components/forms/field-errors";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { STATUS } from "./status-badge";

const LABELS = { name: "Name", description: "Description", status: "Status" };
type Values = { name: string; description: string; status: ProjectStatus };

type Props =
  | { mode: "create"; project?: undefined; open: boolean; onOpenChange: (open: boolean) => void; onSubmit: (input: ProjectCreateInput) => void }
  | { mode: "edit"; project: ProjectDto | null; open: boolean; onOpenChange: (open: boolean) => void; onSubmit: (changes: ProjectUpdateInput) => void };

/** Create or edit a project. Submitting closes it at once: the list updates optimistically. */
export function ProjectFormDialog(props: Props) {
  const editing = props.mode === "edit";
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent
        title={editing ? "Edit project" : "New project"}
        description={editing ? "Changes are visible to everyone in this organization." : "Projects are shared with everyone in this organization."}
      >
        {/* Mounted only while open, so every opening starts from fresh values. */}
        <ProjectForm {...props} />
      </DialogContent>
    </Dialog>
  );
}

function ProjectForm(props: Props) {
  const initial: Values = props.project
    ? { name: props.project.name, description: props.project.description, status: props.project.status }
    : { name: "", description: "", status: "active" };
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FieldErrors<keyof Values>>({});

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _fixed, form: _form, ...rest }) => rest);
  };

  function onStatusChange(value: string) {
    const parsed = projectStatusSchema.safeParse(value);
    if (parsed.success) set("status", parsed.data);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (props.mode === "create") {
      const parsed = projectCreateSchema.safeParse(values);
      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));
      props.onSubmit(parsed.data);
    } else {
      // Send only what changed, so a concurrent edit to another field is not overwritten.
      const changes: ProjectUpdateInput = {};
      if (values.name.trim() !== initial.name) changes.name = values.name;
      if (values.description.trim() !== initial.description) changes.description = values.description;
      if (values.status !== initial.status) changes.status = values.status;
      if (Object.keys(changes).length === 0) return props.onOpenChange(false);
      const parsed = projectUpdateSchema.safeParse(changes);
      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, LABELS));
      props.onSubmit(parsed.data);
    }
    props.onOpenChange(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {errors.form && <Callout tone="error">{errors.form}</Callout>}
      <Field label="Name" error={errors.name}>
        {(control) => <Input {...control} name="name" required maxLength={100} autoComplete="off" value={values.name} onChange={(e) => set("name", e.target.value)} />}
      </Field>
      <Field label="Description" optional error={errors.description}>
        {(control) => (
          <Textarea {...control} name="description" rows={4} maxLength={2000} value={values.description} onChange={(e) => set("description", e.target.value)} />
        )}
      </Field>
      <Field label="Status" error={errors.status}>
        {(control) => (
          <Select {...control} name="status" value={values.status} onChange={(e) => onStatusChange(e.target.value)}>
            {PROJECT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS[status].label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit">{props.mode === "create" ? "Create project" : "Save"}</Button>
      </DialogFooter>
    </form>
  );
}
