/**
 * Importers for vulnerability feeds, one class per feed format, all writing through an
 * {@link dev.portcullis.vulndb.feed.ImportSink}. {@link dev.portcullis.vulndb.feed.FeedImport}
 * detects each input's feed from its content and writes everything into the database in one
 * transaction. No importer touches the network.
 */
package dev.portcullis.vulndb.feed;
