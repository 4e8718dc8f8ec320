-- A document version may also be a Word (.docx) or Excel (.xlsx) file (the upload allows them
-- for document versions only; a row keeps its type after its owner is gone).
ALTER TABLE media DROP CONSTRAINT media_content_type_check;
ALTER TABLE media ADD CONSTRAINT media_content_type_check CHECK (content_type IN (
    'image/jpeg', 'image/png', 'image/webp', 'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
));
