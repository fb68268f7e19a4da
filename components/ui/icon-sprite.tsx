import { cn } from "./cn";
import { ICON_CLASS, type Icon } from "./icons";

/**
 * The icons a list repeats on every row, drawn once: `IconSprite` holds their shapes as
 * hidden symbols and each row's `SpriteIcon` points at one. A row's icon is then two small
 * elements instead of a full `<svg>` with its paths, which keeps a server-rendered list's
 * HTML (and the work of rendering it) smaller. `id` must be unique in the page (`useId`).
 */
export function IconSprite({ id, icons }: { id: string; icons: Record<string, Icon> }) {
  return (
    <svg aria-hidden="true" className="hidden">
      {Object.entries(icons).map(([name, { paths }]) => (
        <symbol key={name} id={`${id}-${name}`} viewBox="0 0 24 24">
          {paths}
        </symbol>
      ))}
    </svg>
  );
}

/** One of a sprite's icons, by the sprite's `id` and the icon's name in it; decorative, like the inline icons. */
export function SpriteIcon({ sprite, name, className = "size-4" }: { sprite: string; name: string; className?: string }) {
  return (
    <svg aria-hidden="true" className={cn(ICON_CLASS, className)}>
      <use href={`#${sprite}-${name}`} />
    </svg>
  );
}
