import { signOut } from "@/app/sign-in/actions";
import { Button } from "@/components/ui/button";

/** Ends this browser's session. A plain form posting to a server action, so it needs no script. */
export function SignOutButton() {
  return (
    <form action={signOut}>
      <Button type="submit" variant="ghost" className="px-2.5 py-1.5">
        Sign out
      </Button>
    </form>
  );
}
