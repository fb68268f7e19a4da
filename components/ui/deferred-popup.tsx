"use client";

import {
  cloneElement,
  useEffect,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
  type ComponentProps,
  type ComponentType,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactElement,
  type Ref,
  type RefObject,
} from "react";

type TriggerProps = ComponentProps<"button"> & { ref?: Ref<HTMLButtonElement>; "data-state"?: string };
export type Trigger = ReactElement<TriggerProps>;

/** A press on the stand-in trigger that the real one has to see again. */
type Press = { type: "pointerdown"; pointerType: string } | { type: "keydown"; key: string } | { type: "click" };
type Pending = { press: Press | null; focused: boolean };

// What opens a Radix dropdown (a primary-button pointerdown, these keys) and a Radix dialog (a click).
const MENU_KEYS = new Set(["Enter", " ", "ArrowDown"]);

function replay(element: HTMLElement, press: Press) {
  if (press.type === "click") element.click();
  else if (press.type === "keydown") element.dispatchEvent(new KeyboardEvent("keydown", { key: press.key, bubbles: true, cancelable: true }));
  else element.dispatchEvent(new PointerEvent("pointerdown", { pointerType: press.pointerType, button: 0, bubbles: true, cancelable: true }));
}

/**
 * A Radix menu or dialog whose code is fetched on first use instead of with the page: until
 * then its trigger is rendered alone, with the attributes Radix gives it while closed. Hovering
 * or focusing the trigger fetches the rest; a press made before it arrives is replayed on
 * the real trigger, which takes over focus, so opening works as with the eager component.
 *
 * `load` resolves to a component that renders the Radix root with `trigger` as its trigger
 * (`<Trigger asChild>{trigger}</Trigger>`). Every instance shares one fetch.
 */
export function deferredPopup<P extends object>(popup: "menu" | "dialog", load: () => Promise<ComponentType<P & { trigger: Trigger }>>) {
  type Loaded = ComponentType<P & { trigger: Trigger }>;
  let loaded: Loaded | undefined;
  let loading: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const fetchPopup = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        for (const listener of listeners) listener();
      },
      // A failed fetch (offline) is tried again on the next hover or press.
      () => void (loading = undefined),
    );
  };

  return function DeferredPopup({ trigger, ...props }: P & { trigger: Trigger }) {
    // The server and hydration render the stand-in; after that, whatever has loaded.
    const Popup = useSyncExternalStore(subscribe, () => loaded, () => undefined);
    const ref = useRef<HTMLButtonElement>(null);
    const pending = useRef<Pending>({ press: null, focused: false });

    useEffect(() => {
      const element = ref.current;
      if (!Popup || !element) return;
      const { press, focused } = pending.current;
      pending.current = { press: null, focused: false };
      if (focused) element.focus();
      if (press) replay(element, press);
    }, [Popup]);

    if (Popup) return <Popup {...(props as P)} trigger={cloneElement(trigger, { ref })} />;

    const press = (next: Press) => {
      pending.current.press = next;
      fetchPopup();
    };
    return (
      <StandIn
        trigger={cloneElement(trigger, {
          ref,
          "aria-haspopup": popup,
          "aria-expanded": false,
          "data-state": "closed",
          onPointerEnter: fetchPopup,
          onFocus: fetchPopup,
          ...(popup === "menu"
            ? {
                onPointerDown: (event: ReactPointerEvent<HTMLButtonElement>) => {
                  if (event.button !== 0 || event.ctrlKey) return;
                  // As Radix does: the menu, not the trigger, takes focus when it opens.
                  event.preventDefault();
                  press({ type: "pointerdown", pointerType: event.pointerType });
                },
                onKeyDown: (event: ReactKeyboardEvent<HTMLButtonElement>) => {
                  if (!MENU_KEYS.has(event.key)) return;
                  event.preventDefault();
                  press({ type: "keydown", key: event.key });
                },
              }
            : { onClick: () => press({ type: "click" }) }),
        })}
        element={ref}
        pending={pending}
      />
    );
  };
}

/** The trigger before the popup's code arrives; notes on its way out whether it had focus. */
function StandIn({ trigger, element, pending }: { trigger: Trigger; element: RefObject<HTMLButtonElement | null>; pending: RefObject<Pending> }) {
  // A layout effect's cleanup runs before React takes the element out of the document.
  useLayoutEffect(
    () => () => {
      pending.current.focused = element.current !== null && element.current === document.activeElement;
    },
    [element, pending],
  );
  return trigger;
}
