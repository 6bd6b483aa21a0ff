import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { IncidentBanner } from "@/components/incident-banner";
import { LANGUAGE_TAGS, t } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  return { title: { default: t(locale, "common.productName"), template: `%s · ${t(locale, "common.productName")}` }, description: t(locale, "common.productTagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={LANGUAGE_TAGS[locale].slice(0, 2)}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only z-50 rounded-md bg-white px-4 py-2 font-medium text-blue-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2">
          {t(locale, "common.skipToContent")}
        </a>
        <AppHeader />
        <IncidentBanner />
        <div id="main" tabIndex={-1} className="outline-none">
          {children}
        </div>
      </body>
    </html>
  );
}
