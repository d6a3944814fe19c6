package dev.portcullis.image.tree;

import dev.portcullis.image.FileEntry;

/** An entry of the merged tree with the content kept for it, which is null unless the file was requested. */
record TreeNode(FileEntry entry, StoredContent content) {}
