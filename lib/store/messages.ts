// The store's user-facing messages (missing records, backups, attachments, sync), in Russian and
// English (lib/i18n). Each is looked up when the error is raised, so it follows the interface
// language at that moment; Node (the CLI, tests) never switches locale and stays Russian.
import { defineMessages } from '../i18n/index.ts';
import { COLLECTION_LABELS } from './collections.ts';

/** English names of the record kinds, for «Не сохранено (…)». */
const COLLECTION_LABELS_EN: Record<string, string> = {
  activities: 'activity',
  evidence: 'evidence',
  people: 'person',
  organisations: 'organisation',
  links: 'link',
  templates: 'monitoring template',
  fillings: 'monitoring',
  answers: 'monitoring answer',
  answerEvents: 'answer history',
  formPairings: 'form field matching',
  recordEvents: 'record history',
};

export const t = defineMessages({
  ru: {
    // Repository
    newerVersionReadOnly:
      'Рабочее пространство создано более новой версией Сводки: обновите расширение, чтобы вносить изменения.',
    unknownRecordKind: 'неизвестный вид записи',
    // Why a stored record cannot be read at all (workspace-doc.ts, doc-records.ts)
    recordNotJson: 'запись повреждена (не читается как JSON)',
    recordNotObject: 'запись повреждена (не объект)',
    recordUnknownFormat: 'запись повреждена (неизвестный формат)',
    packUnreadable: 'пакет записей повреждён (не распаковывается)',
    workspaceNoOrganisation: 'Рабочее пространство повреждено: нет описания организации.',
    notSaved: (collection: string) =>
      `Не сохранено (${COLLECTION_LABELS[collection] ?? collection})`,
    unknownCollection: (collection: string) => `Неизвестный вид записей: ${collection}`,
    recordNotFound: 'Запись не найдена: возможно, её удалили.',
    recordAlreadyDeleted: 'Запись не найдена: возможно, её уже удалили.',
    cannotLink: 'Нельзя связать: мероприятие или подтверждение не найдено.',
    workspaceDamaged: 'Рабочее пространство повреждено.',
    previewReadOnly: 'Реестр ещё загружается — изменения станут доступны через пару секунд.',

    // Workspaces
    workspaceNotCreated: 'Рабочее пространство не создано',
    workspaceNotOnDevice: 'Рабочее пространство не найдено на этом устройстве.',
    workspaceDataMissing: 'Данные рабочего пространства не найдены или повреждены.',

    // Backups
    withNothingChanged: (message: string) => `${message} Ничего не изменено.`,
    notABackup:
      'Это не резервная копия Сводки (файл другого вида или повреждён). Ничего не изменено.',
    backupEmpty: 'Файл пуст. Ничего не изменено.',
    backupTooLarge: (mb: number) =>
      `Файл резервной копии больше ${mb} МБ — такой файл не принимается. Ничего не изменено.`,
    backupNewer:
      'Резервная копия сделана более новой версией Сводки. Обновите расширение и повторите. Ничего не изменено.',
    backupManifestDamaged: 'Описание резервной копии повреждено. Ничего не изменено.',
    backupNoData: 'В резервной копии нет данных реестра (файл обрезан?). Ничего не изменено.',
    backupDataDamaged: 'Данные реестра в резервной копии повреждены. Ничего не изменено.',
    backupInconsistent:
      'Резервная копия противоречива (описание не совпадает с данными). Ничего не изменено.',
    backupAttachmentDamaged: (name: string) =>
      `Вложение «${name}» в резервной копии повреждено или отсутствует. Ничего не изменено.`,

    // Attachments
    attachmentTooLarge: (name: string) => `Файл «${name}» больше 25 МБ и не прикреплён.`,
    attachmentEmpty: (name: string) => `Файл «${name}» пуст и не прикреплён.`,
    attachmentWrongType: (name: string) =>
      `Файл «${name}» не прикреплён: принимаются PDF, DOCX, XLSX и изображения (PNG, JPEG, GIF, WEBP).`,

    // Sync: the server's refusal codes
    deniedRevoked:
      'Владелец отозвал ваш доступ к этому пространству. Локальные данные остались на устройстве.',
    deniedTokenExpired: 'Срок приглашения истёк. Попросите владельца выдать новое.',
    deniedUnknownMember:
      'Сервер не знает этого участника. Попросите владельца пригласить вас заново.',
    deniedUnknownWorkspace:
      'На сервере нет такого пространства. Проверьте адрес сервера или попросите владельца его создать.',
    deniedWrongWorkspace: 'Это приглашение выдано для другого пространства.',
    deniedBadToken: 'Код приглашения не принят сервером: проверьте, что он скопирован целиком.',
    deniedNotOwner: 'Это может сделать только владелец пространства.',
    deniedOwnerCannotLeave: 'Владелец не может покинуть своё пространство.',
    deniedBadRole: 'Роль должна быть «редактор» или «наблюдатель».',
    deniedBadDays: 'Срок действия — от 1 до 3650 дней.',
    deniedLoadFailed:
      'Не удалось загрузить рабочее пространство на сервере. Доступ не отозван: сообщите администратору сервера. Локальные данные остались на устройстве.',
    deniedOther: (code: string) => `Сервер отказал (${code}); ничего не изменено.`,

    // Sync
    syncUnreachable: 'Сервер синхронизации недоступен; ничего не изменено.',
    uploadTooLarge: 'Файл больше допустимого на сервере; он остался только на этом устройстве.',
    uploadPending: 'Файлы пока не отправлены на сервер: повторим автоматически.',
    notConnected: 'Пространство не подключено к серверу: файл взять негде.',
    fileNotOnServer: (name: string) =>
      `Файла «${name}» пока нет на сервере: коллега ещё не отправил его.`,
    downloadFailed: (name: string) => `Не удалось скачать «${name}»: нет связи с сервером.`,
    downloadCorrupt: (name: string) => `Файл «${name}» пришёл повреждённым и не сохранён.`,
    inviteNotRecognised:
      'Код приглашения не распознан: вставьте код или ссылку целиком. Ничего не изменено.',
    serverAddressRequired:
      'Укажите адрес сервера (например, https://sync.school.ru). Ничего не изменено.',
    syncNoResponse: 'Сервер синхронизации не ответил: проверьте адрес и связь. Ничего не изменено.',
    serverHasNoData:
      'На сервере в этом пространстве ещё нет данных: попросите владельца открыть его в Сводке. Ничего не изменено.',
  },
  en: {
    // Repository
    newerVersionReadOnly:
      'This workspace was created by a newer version of Svodka: update the extension to make changes.',
    unknownRecordKind: 'unknown kind of record',
    recordNotJson: 'the record is damaged (it does not read as JSON)',
    recordNotObject: 'the record is damaged (it is not an object)',
    recordUnknownFormat: 'the record is damaged (unknown format)',
    packUnreadable: 'a pack of records is damaged (it does not unpack)',
    workspaceNoOrganisation: 'The workspace is damaged: the organisation’s description is missing.',
    notSaved: (collection: string) =>
      `Not saved (${COLLECTION_LABELS_EN[collection] ?? collection})`,
    unknownCollection: (collection: string) => `Unknown kind of record: ${collection}`,
    recordNotFound: 'Record not found: it may have been deleted.',
    recordAlreadyDeleted: 'Record not found: it may have been deleted already.',
    cannotLink: 'Cannot link: the activity or the evidence was not found.',
    workspaceDamaged: 'The workspace is damaged.',
    previewReadOnly: 'The register is still loading — you can make changes in a couple of seconds.',

    // Workspaces
    workspaceNotCreated: 'Workspace not created',
    workspaceNotOnDevice: 'The workspace was not found on this device.',
    workspaceDataMissing: 'The workspace data is missing or damaged.',

    // Backups
    withNothingChanged: (message: string) => `${message} Nothing was changed.`,
    notABackup:
      'This is not a Svodka backup (the file is of another kind or damaged). Nothing was changed.',
    backupEmpty: 'The file is empty. Nothing was changed.',
    backupTooLarge: (mb: number) =>
      `The backup file is larger than ${mb} MB; such a file is not accepted. Nothing was changed.`,
    backupNewer:
      'The backup was made by a newer version of Svodka. Update the extension and try again. Nothing was changed.',
    backupManifestDamaged: 'The backup’s description is damaged. Nothing was changed.',
    backupNoData:
      'The backup contains no register data (is the file truncated?). Nothing was changed.',
    backupDataDamaged: 'The register data in the backup is damaged. Nothing was changed.',
    backupInconsistent:
      'The backup is inconsistent (its description does not match its data). Nothing was changed.',
    backupAttachmentDamaged: (name: string) =>
      `The attachment “${name}” in the backup is damaged or missing. Nothing was changed.`,

    // Attachments
    attachmentTooLarge: (name: string) =>
      `The file “${name}” is larger than 25 MB and was not attached.`,
    attachmentEmpty: (name: string) => `The file “${name}” is empty and was not attached.`,
    attachmentWrongType: (name: string) =>
      `The file “${name}” was not attached: PDF, DOCX, XLSX and images (PNG, JPEG, GIF, WEBP) are accepted.`,

    // Sync: the server's refusal codes
    deniedRevoked:
      'The owner has revoked your access to this workspace. Your local data is still on this device.',
    deniedTokenExpired: 'The invitation has expired. Ask the owner for a new one.',
    deniedUnknownMember: 'The server does not know this member. Ask the owner to invite you again.',
    deniedUnknownWorkspace:
      'There is no such workspace on the server. Check the server address or ask the owner to create it.',
    deniedWrongWorkspace: 'This invitation was issued for a different workspace.',
    deniedBadToken:
      'The server did not accept the invitation code: check that it was copied in full.',
    deniedNotOwner: 'Only the workspace owner can do this.',
    deniedOwnerCannotLeave: 'The owner cannot leave their own workspace.',
    deniedBadRole: 'The role must be “editor” or “viewer”.',
    deniedBadDays: 'The validity period must be from 1 to 3650 days.',
    deniedLoadFailed:
      'The server could not load the workspace. Your access is not revoked: tell the server administrator. Your local data is still on this device.',
    deniedOther: (code: string) => `The server refused (${code}); nothing was changed.`,

    // Sync
    syncUnreachable: 'The sync server is unreachable; nothing was changed.',
    uploadTooLarge: 'The file is larger than the server allows; it has stayed on this device only.',
    uploadPending: 'Files have not been sent to the server yet: we will retry automatically.',
    notConnected:
      'The workspace is not connected to a server: there is nowhere to get the file from.',
    fileNotOnServer: (name: string) =>
      `The file “${name}” is not on the server yet: your colleague has not uploaded it.`,
    downloadFailed: (name: string) => `Could not download “${name}”: no connection to the server.`,
    downloadCorrupt: (name: string) => `The file “${name}” arrived damaged and was not saved.`,
    inviteNotRecognised:
      'The invitation code was not recognised: paste the whole code or link. Nothing was changed.',
    serverAddressRequired:
      'Enter the server address (for example, https://sync.school.ru). Nothing was changed.',
    syncNoResponse:
      'The sync server did not respond: check the address and the connection. Nothing was changed.',
    serverHasNoData:
      'This workspace has no data on the server yet: ask the owner to open it in Svodka. Nothing was changed.',
  },
});
