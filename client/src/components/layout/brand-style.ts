import { useEffect } from "react";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** White or near-black, whichever reads better on the colour (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return lum > 0.45 ? "#18181b" : "#ffffff";
}

/** Applies the workspace brand colour to the --brand CSS variables used by the theme. */
export function useBrandColor(color: string | undefined): void {
  useEffect(() => {
    if (!color || !HEX.test(color)) return;
    const root = document.documentElement.style;
    root.setProperty("--brand", color);
    root.setProperty("--brand-foreground", readableOn(color));
  }, [color]);
}
