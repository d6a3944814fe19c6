package dev.portcullis.server.web;

/** HTML escaping and the page frame, with inline styles only so the dashboard loads nothing external. */
final class Html {

    private static final String STYLE = """
            body{font-family:sans-serif;margin:0;color:#222}header{background:#243447;color:#fff;padding:8px 16px}
            header a{color:#fff;margin-right:16px}main{padding:16px}table{border-collapse:collapse}
            td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.CRITICAL{color:#fff;background:#8b0000}
            .HIGH{background:#e55}.MEDIUM{background:#fb3}.LOW{background:#9d9}.MINIMAL{background:#ddd}
            section{margin-bottom:24px}details pre{white-space:pre-wrap;max-width:900px}.error{color:#b00}
            """;

    private Html() {}

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String title, String body, boolean loggedIn) {
        String nav = loggedIn
                ? "<a href=\"/\">Images</a><form method=\"post\" action=\"/logout\" style=\"display:inline\">"
                        + "<button type=\"submit\">Log out</button></form>"
                : "";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - Portcullis</title><style>" + STYLE + "</style></head><body><header><strong>Portcullis</strong> "
                + nav + "</header><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
    }
}
