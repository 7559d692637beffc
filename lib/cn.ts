import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names. It does not merge conflicting Tailwind classes: a component whose defaults
 * a caller may override keeps them in app/globals.css's components layer, below utilities.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
