"use client";
/**
 * Keeps a server-rendered page current: asks the server for a fresh render every few seconds while
 * the tab is visible, so new tickets and clock changes appear without reloading. Skips a round
 * while the person is typing, so a half-written text is never disturbed.
 */
import { useEffect } from "react";
import { useRouter } from "next/navigation";

const typing = () => {
  const el = document.activeElement;
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== "hidden") || el instanceof HTMLSelectElement;
};

export function AgentLiveRefresh({ seconds = 5, label }: { seconds?: number; label: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && !typing()) router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return <p className="text-sm text-slate-700">{label}</p>;
}
