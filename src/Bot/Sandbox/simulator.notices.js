// "Run notices now": asks the server to do at once what its notice schedule does every few minutes (quiet hours do
// not apply in the sandbox), and says in words what the run did. The notices then arrive in the chats like any reply.
const plural = (n, one, many) => n + " " + (n === 1 ? one : many);

/** What a run report means for someone trying the sandbox. */
export function describeRun(report) {
  if (report.digests > 0) {
    return "Sent " + plural(report.digests, "message", "messages") + " (" + plural(report.notices, "notice", "notices") + ") — watch the chat.";
  }
  const skipped = Object.entries(report.skipped || {}).map(([why, n]) => why + " (" + n + ")").join("; ");
  return "Nothing new to send" + (skipped ? ": " + skipped : "")
    + ". Notices go to chats that linked a card and said yes to notices, once each.";
}

/** Runs notices and shows the outcome in the status element; the button is disabled meanwhile. */
export async function runNotices(button, status) {
  button.disabled = true;
  status.className = "";
  status.textContent = "Running notices…";
  try {
    const res = await fetch("/sandbox/notices/run", { method: "POST" });
    const report = await res.json().catch(() => null);
    if (res.status === 409) {
      status.textContent = "A notice run is already under way; try again in a moment.";
    } else if (!res.ok || !report) {
      status.className = "error";
      status.textContent = "The run did not start (" + res.status + " " + res.statusText + ").";
    } else {
      status.textContent = describeRun(report);
    }
  } catch (e) {
    status.className = "error";
    status.textContent = "Could not reach the server: " + e.message;
  } finally {
    button.disabled = false;
  }
}
