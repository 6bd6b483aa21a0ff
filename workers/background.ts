/** Background work that is not time-critical: heartbeat, auto-close of solved tickets. */
import { QUEUES } from "../lib/server/jobs/queues";
import { runWorkerProcess } from "./runtime";

runWorkerProcess("background", async (rt) => {
  await rt.work(QUEUES.system, { concurrency: 1 });
});
