import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { Icon } from "./icons";

/** Stars or unstars one result; the star fills when it is starred. `name` is e.g. "image 2". */
export function StarButton({
  starred,
  name,
  onToggle,
  className,
}: {
  starred: boolean;
  name: string;
  onToggle(): void;
  className?: string;
}) {
  const label = `${starred ? "Unstar" : "Star"} ${name}`;
  return (
    <Button
      variant="ghost"
      aria-label={label}
      aria-pressed={starred}
      title={label}
      onClick={onToggle}
      className={cn(
        "size-8 p-0",
        starred && "text-amber-500 hover:text-amber-600 dark:text-amber-400",
        className,
      )}
    >
      <Icon name="star" fill={starred ? "currentColor" : "none"} />
    </Button>
  );
}
