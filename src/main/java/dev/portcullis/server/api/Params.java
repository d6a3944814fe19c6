package dev.portcullis.server.api;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates path and query parameters, rejecting bad values with a 400 that names them. */
final class Params {

    static final Set<String> VERDICTS =
            Set.of("AFFECTED", "ALREADY_PATCHED", "NOT_AFFECTED", "UPSTREAM_PENDING", "LOW_RISK");
    static final Set<String> RISKS = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "MINIMAL");
    static final int MAX_PAGE_SIZE = 500;

    private static final Pattern VULN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9@/._+~:-]{1,214}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9@/._:+-]{1,255}");

    private Params() {}

    static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Path parameter " + name + " must be a number.");
        }
    }

    static String oneOf(Context ctx, String name, Set<String> allowed) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return oneOf(name, value, allowed);
    }

    static String oneOf(String name, String value, Set<String> allowed) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw ApiException.badRequest("Invalid " + name + ": use one of " + allowed.stream().sorted().toList() + ".");
        }
        return upper;
    }

    static String matching(Context ctx, String name, Pattern pattern) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return matching(name, value, pattern);
    }

    static String matching(String name, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw ApiException.badRequest("Invalid " + name + ": it must match " + pattern.pattern() + ".");
        }
        return value;
    }

    static String vulnId(Context ctx) {
        return matching(ctx, "cve", VULN_ID);
    }

    static String vulnId(String value) {
        return matching("vulnId", value, VULN_ID);
    }

    static String packageName(Context ctx) {
        return matching(ctx, "package", PACKAGE);
    }

    static String packageName(String value) {
        return matching("packageName", value, PACKAGE);
    }

    static String name(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Missing " + parameter + ".");
        }
        return matching(parameter, value, NAME);
    }

    static int integer(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw ApiException.badRequest("Invalid " + name + ": it must be between " + min + " and " + max + ".");
            }
            return number;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name + ": it must be a number.");
        }
    }
}
