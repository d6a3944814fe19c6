package dev.portcullis.server.storage;

/**
 * Filters and page of a findings request. Null filters match everything.
 *
 * @param verdict the effective verdict after analyst decisions
 * @param page the page number, from 1
 */
public record FindingQuery(String verdict, String risk, String packageName, String vulnId, int page, int pageSize) {

    public int offset() {
        return (page - 1) * pageSize;
    }
}
