// /api/auth/* — better-auth's endpoints: sign-in/email, sign-out, get-session, change-password …
import { getAuth } from "@/server/auth";

const handle = async (request: Request) => (await getAuth()).handler(request);

export { handle as GET, handle as POST };
