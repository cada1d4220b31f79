import SkillCore

/// Every text a screen shows, in both languages. Screens never write a user-facing string
/// inline: they name a key here (or get a message from the layer that produced it).
public enum S: CaseIterable, Sendable {
    case appName, login, home, workers, newWorker, editWorker, workerDetail
    case userName, password, loginHint, loginEmpty
    case menuWorkers, menuNewWorker, menuVerifyAudit, menuLogout, menuExit
    case loggedInAs, database, policy, today
    case search, searchHint, workersCount, pageOf, noWorkers, options, optionsHint, typeOptions
    case colOpt, colID, colName, colSex, colBorn, colPhone, colGroups
    case keyHelp, keyExit, keyBack, keyRefresh, keyNew, keySearch, keyMore, keyCancel, keySave, keyList
    case keyNextField, keyEdit, keyOpen, keyConfirm, keyToggle, keyPrevPage, keyLogout, keyScroll
    case sexBorn, fromID, rural, pensionYes, insuredYes, f4Choose, noneDash
    case saved, updated, existsTitle, existsMessage, open, stay, discardTitle, discardMessage, discard, keepEditing
    case fixErrors, history, historyEmpty, auditOK, auditBroken, tooSmall, readOnly, chooseGroups
    case chooseEmployment, chooseDisability, helpTitle, helpWorkers, helpForm, helpOther, close
    case optionUnknown, notPermittedNew, unknownRegion, auditReasonHash, auditReasonChain, auditReasonGap
    case idPartialOK, idComplete, searchLabel, databaseLabel, actionRegistered, actionEdited
    // The catalogue screens (occupations, institutions).
    case occupations, occupationDetail, institutions, institutionDetail, menuOccupations, menuInstitutions
    case colCode, colOccupation, colSubsidised, colShortage, colAccess, colLevels, colPeriod
    case colInstitution, colKind, colGrade, colCatalogue, colStatus, colMayTrain
    case check, occupationsCount, institutionsCount, asOfDay, noOccupations, noInstitutions
    case occupationSearchHint, institutionSearchHint, viewOptionsHint, viewOptionUnknown
    case helpOccupations, helpInstitutions, levelShort, levelLong, yes, no
    case fieldCode, fieldName, fieldSubsidised, fieldShortage, fieldAccess, fieldTier, fieldPeriod, fieldLevels
    case fieldOtherPeriods, fieldKind, fieldGrade, fieldCatalogue, fieldStatus, fieldStatusReason, fieldStatusDate
    case asOfInvalid, keyAsOf, asOfChanged
    case fieldMayTrain, openEnded, notInForce, actionAdded, actionSuspended, actionReinstated, actionDisqualified
    // The worker's training archive (电子档案).
    case archive, keyArchive, archiveClasses, archiveCertificates, archiveTotal, archiveNoClasses, archiveNoCertificates
    case colArcOccupation, colArcLevel, colArcType, colArcDates, colArcHours, colArcDone
    case colCertType, colCertNumber, colCertOccupation, colCertIssued, colCertIssuer, colCertClass, helpArchive
    // Training classes and the attendance grid.
    case classes, menuClasses, classesCount, noClasses, classSearchHint, helpClasses
    case colClassID, colLevel, colType, colDates, colPlanned, colRoster, colTrainee, colCounted, colDone
    case gridTitle, attendanceRule, keyDup, keyNextCell, keyMove, hoursInvalid, noTrainees, helpGrid
    // Opening a class, enrolling, status steps (the clerk's class screens).
    case newClass, classFieldInstitution, classFieldOccupation, classFieldLevel, classFieldType, classFieldStart
    case classFieldEnd, classFieldHours, classNeedValue, classNoInstitution, classInstitutionInactive, classNoOccupation
    case classMayNotTrain, classMayNotTrainLevel, classBadLevel, classBadDate, classEndBeforeStart, classBadHours
    case classDateHint, classFormHint, classListEmpty, classFieldError, classOpened, helpClassForm, helpClassesManage
    case notPermittedClass, keyEnrol, stepStart, stepComplete, stepClose, stepTitle, stepMessage, stepCloseFinal
    case stepDone, classNoNextStep, enrolTitle, enrolHint, enrolledCount, alreadyEnrolled, noTraineesEnrol, helpGridManage

    // Certificates in the TUI (the certificate form, the archive's ⚠ and scrolling).
    case keySuspend, keyReinstate, keyDisqualify, suspendTitle, disqualifyTitle, reasonHint, reasonRequired
    case reinstateTitle, reinstateMessage, disqualifyConfirmTitle, disqualifyConfirmMessage, standingChanged
    case helpInstitutionsManage, actionOccupationClose
    case claimChooseKind, claimChooseClass, claimChooseCertificate, claimNoCertificate, claimMonths, claimMonthsHint
    case claimPercent, claimPercentHint, claimNumberRequired, claimEvaluation, claimClassNumber, keyClause
    case keyReevaluate, helpEvaluation, evaluatedAgain, noClauseText, claimEligible, claimNotEligible, claimAmount
    case claimPayee, claimOnClass, claimOnCertificate, claimProfileLine, clauseTitle, keyEvaluate
    case newCertificate, keyNewCertificate, certHolder, certType, certNumber, certOccupation, certLevel
    case certIssueDate, certIssuer, certClass, certNoLevel, certChooseType, certChooseLevel, certChooseOccupation
    case certChooseClass, certNoClass, certTypeRequired, certNumberRequired, certLevelRequired, certDateInvalid
    case certOccupationRequired, certOccupationUnknown, certSaved, certSavedWarn, helpCertForm
    case archivePosition, archiveWarnLegend, certDateHint
    // The claims workflow (list, detail, home lines, saving from the evaluation).
    case keySaveDraft, keySubmit, keySubmitDisabled, claimRulesFail, claimAlreadySaved, claimAlreadySubmitted, claimDraftSaved, claimSubmitRefused
    case claimSubmitted, myClaims, claimQueue, payableClaims, keyKind, keyWarnings, keyStatus, keyMinAmount
    case helpClaimList, helpPayable, allKinds, minAmountTitle, minAmountHint, minAmountInvalid, rejectCancelled, rejectReasonTitle
    case rejectCodeTitle, approveConfirm, approveWarnedSkipped, approveTitle, approveButton, approvedCount, rejectedCount, skippedClaim
    case filterLabel, onlyWarnings, colClaimNumber, colAge, colClaimKind, colAmount, colWarnings, noClaims
    case claimOptionsHint, claimDetail, keyObject, keyApprove, keyReturn, keyReject, helpClaimDetail, objectionTitle
    case approveNoteTitle, approveNoteHint, returnTitle, claimNowStatus, claimWorker, claimAttendanceLine, claimPreparedBy, claimSubmittedBy
    case claimDaysLabel
    case claimDecidedBy, claimNote, claimRejectCode, claimReason, claimNoticeLine, claimCreated, homeMine, homeQueue
    case homeQueueEmpty, homePayable, homeFund, skippedWarned, keyInstitution, institutionFilterTitle, institutionFilterHint, keyClassClaims, classClaimsTitle, classClaimsCreated, classClaimsSkipped

    // Finance: payment batches and the fund account (issue 5 TUI).
    case batchCreating, reconciling
    case menuPaymentBatches, menuFundAccount, colBatch, colBusinessDate, colCount, colTotal, colBankResult, colCreatedBy
    case batchNotReconciled, batchResult, batchOpenSuffix, noBatches, keyNewBatch, keyExport, keyReconcile, keyYear, keyAllocate
    case newBatchTitle, newBatchSummary, newBatchKindLine, newBatchLeftOut, newBatchCreate, newBatchNothing, newBatchNothingLeftOut
    case batchCreated, batchSkippedTitle, batchSkippedLine, moreLines, noBatchSelected, exportEncodingTitle, encodingUTF8, encodingGB
    case exportPathTitle, exportPathHint, overwriteTitle, overwriteMessage, overwrite, exported, reconcileTitle, reconcileHint
    case reconcileResultTitle, reconcileCounts, reconcileFailedLine, reconcileProblems, reconcileAllMatched, reconcileRefusedTitle
    case reconcileAlready
    case fileIsDirectory, fileNotFound, fileNotRegular, fileTooLarge, fileUnreadable, pathRequired
    case lineStatePending, lineStatePaid, lineStateFailed, colPayee, colAccount, colLineState, batchHeader, batchLinesEmpty
    case helpPaymentBatches, helpBatchDetail, helpFundAccount, fundYearLine, fundYearHint, fundNoAccounts, fundNoAccountsAdmin
    case colFigure, fundTotal, fundAllocated, fundReserved, fundPaid, fundClawbackDue, fundRecovered, fundBalance, fundFormula
    case fundShortUI, fundShortSubsidy, fundShortLocal, fundShortOther, fundYearTitle, fundYearPromptHint, fundYearInvalid
    case allocateSourceTitle, allocateAmountTitle, allocateAmountHint, allocateAmountInvalid, allocateAmountNotPositive
    case allocateConfirmTitle, allocateConfirm, allocateConfirmBalance, fundAllocatedDone, fundReadOnly, fundLegendClause
    // Issue 5 (notice helper): the notice list, clawback and recovery on the claim, the worker's
    // bank account, the working calendar.
    case menuNoticeList, noticeListCount, noNotices, colNoticeStart, colNoticeEnd, colDaysLeft, helpNoticeList
    case keyClawback, keyRecover, clawbackTitle, clawbackConfirmTitle, clawbackConfirm, clawbackButton
    case recoverTitle, recoverHint, recoverInvalid, recoverNotPositive, recoverTooMuch, recoverConfirmTitle
    case recoverConfirm, recoverButton, recoverPartDone, claimClawbackLine, actionRecoverPart, cancelledNothing
    case helpClaimDetailMoney, helpClaimListStatus
    case keyBankAccount, fieldBankAccount, bankNone, bankTitle, bankHint, bankSaved, helpWorkerDetail
    case menuPayeeAccounts, keyPayeeSet, helpPayeeAccounts, payeeCodeTitle, payeeCodeHint, payeeNameTitle, payeeNameHint
    case payeeAccountTitle, payeeAccountHint, payeeSaved, payeeCount, payeeNone, colCreditCode, colAccountHolder
    case menuCalendar, calendarYear, calendarCount, calendarEmpty, colDate, colWeekday, colDayKind, colDayName
    case keySetDay, keyRemoveDay, calDateTitle, calDateHint, calDateInvalid, calKindTitle, calNameTitle
    case calNameHint, calSaved, calRemoveTitle, calRemoveConfirm, calRemoveButton, calRemoved, calNothingSelected
    case weekdayNames, helpCalendar, helpCalendarManage, actionBatch
    // The re-evaluation job on the supervisors' queue (issue 4/5).
    case keyRecheckAll, recheckTitle, recheckConfirm, recheckConfirmBasis, recheckReadOnly, recheckButton, recheckCancelled, recheckRunning
    case recheckNothing, recheckResultTitle, recheckSummary, recheckSummaryRun, recheckAllGood, colRecheckFound
    case recheckFoundFailing, recheckFoundAmount, recheckFoundRefused, helpRecheckAll, helpRecheckResult
    // Slow work run by the run loop (issue 11): what the message line says meanwhile.
    case approving, rejecting
    // Leaving the program (issue 12).
    case leaveTitle, leaveMessage, leaveUnsaved, leaveButton, leaveStayed
    // A demo database's users on its login screen (issue 12).
    case demoAccountsTitle
    // Rules found missing (issue 12): roster correction, the worker's place of work, lookups.
    case rosterFixTitle, rosterFixHint, rosterReasonTitle, rosterReasonHint, rosterFixed, keyRosterFix, removedInvisible, chooseRegion, keyFindWorkers, findWorkersTitle, findWorkersNoneMarked, chooseInstitution, institutionFilterF4
    // Issue 12, decisions: the key list, whole rule texts, W2 in the grid.
    case keyListF1, keyListQuestion, keyListCtrlC, keyListMore, keyWholeText, keyChooseLine, clauseRuleHeading, clauseHeading, clauseNoPassage, clauseNone, gridW2Title, gridW2More, helpKeyList, messageWhole, messageMore
    // Correcting mistakes (issue 12): withdraw a claim, correct or void a certificate, an edit conflict.
    case keyWithdraw, withdrawTitle, withdrawHint, claimWithdrawnBy, editCertificate, keyEditCert, keyVoidCert, voidCertTitle, certUpdated, certVoided, certVoidedMark, certVoidLegend, certNoneSelected, certRefusedTitle, certIsVoided, conflictTitle, conflictField, conflictReloaded, helpCertEdit
    // Exporting a list to CSV (issue 12, `ListExportFlow`).
    case keyExportCSV, helpExportCSV, csvEncodingTitle, csvEncodingUTF8, csvEncodingGB, csvPathTitle, csvPathHint, csvOverwrite, csvExporting, csvProgress, csvExported, csvCancelled, csvListWorkers, csvListClaims, csvListClaimSearch, csvListBatches, csvListLines, csvListClasses, csvListNotices
    // Finding claims (issue 12): `/` search, every status, the auditor's list, the archive's claims.
    case claimSearchTitle, claimSearchHint, claimSearchNothing, claimSearchLine, allStatuses, claimStatusTitle, keyFind, allClaims, claimListChooseKind, claimOptionUnknown, claimViewOptionUnknown, helpClaimSearch, archiveClaims, archiveNoClaims
    // Filing (报送, issue 13).
    case menuFiledReports, filedCount, noFiled, colFiledNumber, colFiledPeriod, colFiledKind, colFiledAt, colFiledBy, colFiledCheck, keyFile, fileChooseKind, fileTitle, fileHint, fileConfirmTitle, fileConfirm, filedDone, filedDetailTitle, filedChanges, filedNoChanges, keyExportFiled, filedExportTitle, filedExportHint, filedExported, filedOverwrite, helpFiled
    // The audit trail, readable (issue 13): the browser, its filters, an entry, verify.
    case csvListAudit, menuAuditTrail, auditKeyBeforeAfter, auditKeyFilters, auditKeyVerify, auditKeyPages, auditKeyOpenRecord, auditVerifyNotPermitted, auditVerifying, auditVerifyProgress, auditCountExact, auditCountAtLeast, auditCountUnknown, auditPageNumber, auditNone, auditColSeq, auditColWhen, auditColUser, auditColAction, auditColEntity, auditColKey, auditColSummary, auditColDays, auditColField, auditColBefore, auditColAfter, auditHash, auditSpan, auditFilterTitle, auditFilterHint, auditFilterKeys, auditFilterUser, auditFilterAction, auditFilterEntity, auditFilterKey, auditFilterFrom, auditFilterTo, auditEntryTitle, auditKindCreated, auditKindDeleted, auditKindChanged, auditKindNone, auditNoRecordScreen, keyClaimAudit, helpAuditTrail, helpAuditEntry
    // The public disclosure of fund use and the XLSX format (issue 13).
    case exportFormatXLSX, menuDisclosure, discPeriodLine, discTotal, discClawed, discNone, discByKind, discByInstitution, discColCount, discColAmount, discTotalRow, discNoInstitution, discMoreInstitutions, discLines, discRule, discPeriodTitle, discPeriodHint, discFormatTitle, discFormatHTML, discPathTitle, discPathHint, discWriting, discWritten, discPeriodInvalid, discPathExtension, keyPeriod, keyWriteFile, helpDisclosure
    // Issue 13: targets and institution performance.
    case menuTargets, menuPerformance, targetsTitle, targetKeyRemove, helpTargets, helpTargetsManage, targetKindTitle, targetNoneSelected, targetValueTitle, targetShareHint, targetCountHint, targetRemoveTitle, targetRemoveConfirm, targetYearsTitle, targetYearsHint, targetClauseTitle, targetClauseHint, targetSaved, targetRemoved, targetAhead, targetBehind, targetsEmpty, targetsCount, colTargetKind, colTargetSpan, colTargetValue, colTargetAchieved, colTargetDone, colTargetTime, colTargetStanding, targetBarDone, targetBarTime, targetShareDetail, targetCountDetail, targetShortPersonTimes, targetShortHighSkill, perfColGrade, perfTitle, perfKeyPeriod, perfKeySort, perfKeyGrade, helpPerformance, perfPeriodTitle, perfPeriodHint, perfNoneSelected, perfHeader, perfColClasses, perfColEnrolled, perfColCompletion, perfColCertified, perfColRejection, perfColWarnings, perfColPaid, perfEmpty, gradeTitle, gradeKeyApply, helpGrade, gradeReasonTitle, gradeReasonHint, gradeApplied, gradeChooseTitle, gradeHeader, gradeTraining, gradeClaims, gradeWarnings, gradeWarningsUnrecorded, gradeNoRule, gradeSuggested
    // Statistics (issue 13): the statistics screen, a figure's rows, its definitions.
    case menuStatistics, csvListStatistics, csvListStatisticsRows, statsViewTraining, statsViewCertificates, statsViewClaims, statsKeyRows, statsKeyDefinition, statsKeyPeriod, statsKeyArea, statsKeyBy, statsGroupNote, helpStatistics, statsColEnrolled, statsColCompleted, statsColRate, statsColCertificates, statsColSubmitted, statsColApproved, statsColRejected, statsColPaid, statsColClawedBack, statsTotal, statsNoFigure, statsPeriodTitle, statsPeriodHint, statsAreaTitle, statsAreaHint, statsByTitle, statsScopeLine, statsChangeOn, statsHeadlineTraining, statsHeadlineMoney, statsNothing, statsTrendCompleted, statsTrendPaid, statsRowsTitle, statsKeyNextPage, statsKeyPrevPage, helpStatsRows, statsLastPage, statsRowsPage, statsRowsMore, statsColHours, statsColDone, statsColEnded, statsNoRows, statsKeyExport
    // Oversight (issue 13): the anomaly screens.
    case menuAnomalies, anomalyTitle, anomalySweeping, anomalyProgress, anomalyDone, anomalySwept, anomalyKeyPeriod, anomalyKeySweep, anomalyKeyRecords, anomalyPeriodTitle, anomalyPeriodHint, anomalyPeriodBad, anomalyPeriodLine, anomalyNotSwept, anomalyNone, anomalyColSignal, anomalyColCode, anomalyColCount, anomalyDefinitionHeading, anomalyDefinitionMore, anomalyOccurrencesLine, anomalyColSubject, anomalyColFigures, anomalyColKind, anomalyColNumber, anomalyColName, anomalyKindWorker, anomalyKindClaim, anomalyKindClass, anomalyKindInstitution, helpAnomalies, helpAnomalyOccurrences, helpAnomalyRecords

    /// A key with no entry never traps on a clerk's screen: it shows its own name, and
    /// `StringsTableTests` fails the build's tests until both languages are written.
    public func text(_ lang: Lang) -> String {
        guard let (zh, en) = Self.table[self] else { return "\(self)" }
        return lang == .zh ? zh : en
    }

    /// The parts (`StringsTableA/B/C.swift`) joined; a key written twice keeps its first text, and
    /// `StringsTableTests.noKeyIsWrittenTwice` fails on it.
    static let table: [S: (String, String)] = tableScreensA.merging(tableScreensB) { a, _ in a }.merging(tableScreensC) { a, _ in a }
        .merging(tableScreensRules) { a, _ in a }
        .merging(tableScreensDecide) { a, _ in a }
        .merging(tableScreensCorrect) { a, _ in a }
        .merging(tableScreensExport) { a, _ in a }
        .merging(tableScreensFind) { a, _ in a }
        .merging(tableScreensFiling) { a, _ in a }
        .merging(tableScreensAudit) { a, _ in a }
        .merging(tableScreensDisclose) { a, _ in a }
        .merging(tableScreensTargets) { a, _ in a }
        .merging(tableScreensStats) { a, _ in a }
        .merging(tableScreensAnomalies) { a, _ in a }
}

extension Lang {
    /// `S.x.text(lang)` reads better at call sites as `lang[.x]`.
    public subscript(_ key: S) -> String { key.text(self) }

    /// Fills `%@` and `%d` placeholders in order (kept simple on purpose: no width flags).
    public func format(_ key: S, _ args: Any...) -> String {
        var out = ""
        var rest = Substring(key.text(self))
        var i = 0
        while let r = rest.range(of: "%@") ?? rest.range(of: "%d") {
            let at = [rest.range(of: "%@"), rest.range(of: "%d")].compactMap { $0 }.min { $0.lowerBound < $1.lowerBound }!
            _ = r
            out += rest[..<at.lowerBound]
            out += i < args.count ? "\(args[i])" : ""
            i += 1
            rest = rest[at.upperBound...]
        }
        return out + rest
    }
}
