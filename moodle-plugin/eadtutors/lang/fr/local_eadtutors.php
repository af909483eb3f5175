<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Chaînes françaises du plugin des vacataires de l'EAD.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['ackcomment'] = 'Votre commentaire (facultatif)';
$string['acknowledge'] = 'J\'ai pris connaissance de cette évaluation';
$string['acknowledged'] = 'Votre prise de connaissance a été transmise.';
$string['acknowledgedon'] = 'Prise de connaissance le {$a}';
$string['actionrefused'] = 'Cette action est réservée aux concepteurs et tuteurs de l\'EAD.';
$string['answer'] = 'Répondre';
$string['answerby'] = 'Réponse de {$a->author} le {$a->date} :';
$string['answered'] = 'Votre réponse a été transmise au relecteur.';
$string['answerto'] = 'Répondre à « {$a} »';
$string['assignments'] = 'Mes affectations';
$string['cachedef_staff'] = 'Si un utilisateur a un rôle de conception ou de tutorat dans l\'arbre de l\'EAD';
$string['cachedef_workspace'] = 'L\'espace EAD d\'un vacataire';
$string['categoryroots'] = 'Catégories racines de l\'EAD';
$string['categoryroots_desc'] = 'Les identifiants des catégories dont les sous-arbres contiennent les modules de l\'EAD, séparés par des virgules (comme MOODLE_CATEGORY_ROOTS du service). Vide : toutes les catégories. Seuls les changements dans ces sous-arbres vont dans le journal des changements, et seuls les utilisateurs qui ont un rôle de conception ou de tutorat dans un cours de ces sous-arbres voient « Mon espace EAD ».';
$string['criterionpath'] = '{$a->section} › {$a->criterion}';
$string['current'] = 'en cours';
$string['deadline'] = 'modifications attendues pour le {$a}';
$string['done'] = 'Suivies';
$string['eadtutors:readchanges'] = 'Lire le journal des changements (service EAD)';
$string['eadtutors:view'] = 'Voir mon espace EAD';
$string['evaluationof'] = 'Évaluation du {$a}';
$string['evaluations'] = 'Mes évaluations';
$string['evaluationscore'] = 'Score : {$a->score} / {$a->max}';
$string['feed'] = 'Journal des changements';
$string['findingvalue'] = 'Appréciation : {$a}';
$string['hours'] = 'Heures';
$string['hoursunset'] = 'non précisées';
$string['kind_continuing'] = 'continue';
$string['kind_initial'] = 'initiale';
$string['loggedinas'] = 'Vous êtes connecté en tant que cet utilisateur : son espace est affiché, mais ses actions sont réservées à l\'utilisateur lui-même.';
$string['missingtraining'] = '{$a->topic} ({$a->kind}, {$a->role})';
$string['missingtrainings'] = 'Formations exigées par vos rôles et pas encore suivies :';
$string['module'] = 'Module';
$string['noassignments'] = 'Aucune affectation.';
$string['noevaluations'] = 'Pas encore d\'évaluation.';
$string['noreviews'] = 'Aucune revue qualité de vos modules en cours.';
$string['notrainings'] = 'Aucune formation.';
$string['notvacataire'] = 'Cette page est destinée aux concepteurs et tuteurs de l\'EAD : Moodle ne vous montre pas de rôle de conception ou de tutorat dans un cours de l\'EAD, ou le service EAD ne vous connaît pas comme vacataire.';
$string['period'] = 'Période';
$string['periodrange'] = '{$a->from} – {$a->to}';
$string['pluginname'] = 'Vacataires de l\'EAD';
$string['privacy:change:role_assigned'] = 'Rôle attribué dans un cours de l\'EAD';
$string['privacy:change:role_unassigned'] = 'Rôle retiré dans un cours de l\'EAD';
$string['privacy:change:user_deleted'] = 'Utilisateur supprimé';
$string['privacy:change:user_updated'] = 'Profil modifié';
$string['privacy:changes'] = 'Changements EAD';
$string['privacy:metadata:change'] = 'Changements lus par la synchronisation du service EAD, gardés 30 jours : changements de rôles dans les cours de l\'arbre de l\'EAD (l\'utilisateur n\'est nommé que pour les rôles de conception et de tutorat), cours, catégories et activités de cet arbre, et changements de profil de ses concepteurs et tuteurs.';
$string['privacy:metadata:change:categoryid'] = 'La catégorie concernée.';
$string['privacy:metadata:change:cmid'] = 'L\'activité concernée.';
$string['privacy:metadata:change:courseid'] = 'Le cours concerné.';
$string['privacy:metadata:change:kind'] = 'Ce qui a changé.';
$string['privacy:metadata:change:roleid'] = 'Le rôle attribué ou retiré.';
$string['privacy:metadata:change:timecreated'] = 'Quand cela a changé.';
$string['privacy:metadata:change:userid'] = 'Le concepteur ou tuteur concerné.';
$string['privacy:metadata:eadservice'] = 'Le service EAD (enseignement à distance de la Fédération Wallonie-Bruxelles) montre aux concepteurs et tuteurs de l\'EAD leurs affectations, formations, évaluations et constats de revue ; le plugin l\'interroge pour l\'utilisateur, seulement pour les utilisateurs qui ont un rôle de conception ou de tutorat dans l\'arbre de l\'EAD, quand ils ouvrent leur espace ou y agissent.';
$string['privacy:metadata:eadservice:answer'] = 'Les réponses de l\'utilisateur aux constats de revue.';
$string['privacy:metadata:eadservice:comment'] = 'Le commentaire de l\'utilisateur quand il prend connaissance d\'une évaluation.';
$string['privacy:metadata:eadservice:userid'] = 'L\'identifiant de l\'utilisateur Moodle, envoyé avec chaque requête de son espace et de ses actions : il désigne le vacataire au service.';
$string['reviews'] = 'Revues qualité de mes modules';
$string['reviewscore'] = 'score {$a} %';
$string['role'] = 'Rôle';
$string['role_author'] = 'Conception';
$string['role_tutor'] = 'Tutorat';
$string['secret'] = 'Secret partagé';
$string['secret_desc'] = 'Le secret partagé avec le service EAD (son EAD_PLUGIN_SECRET). Les requêtes sont signées avec lui ; il n\'est jamais transmis.';
$string['service'] = 'Service EAD';
$string['serviceurl'] = 'Adresse du service EAD';
$string['serviceurl_desc'] = 'L\'adresse de base du service EAD, par exemple https://ead.exemple.be. Elle doit être en https : les requêtes portent les réponses des vacataires. Le http simple n\'est accepté que pour localhost et 127.0.0.1, pour le développement. Les réglages de sécurité HTTP du site doivent autoriser son hôte et son port.';
$string['serviceurl_https'] = 'L\'adresse du service doit commencer par https:// (http:// seulement pour localhost ou 127.0.0.1, en développement), sans utilisateur, requête ni fragment.';
$string['settle'] = 'Délai de stabilisation (secondes)';
$string['settle_desc'] = 'Un changement n\'est lisible par le service EAD que ce nombre de secondes après son enregistrement, pour qu\'un changement validé tardivement ne soit jamais sauté par le curseur du service. 10 s par défaut.';
$string['staffroles'] = 'Rôles de conception et de tutorat';
$string['staffroles_desc'] = 'Les rôles qui font d\'un utilisateur un concepteur ou un tuteur de l\'EAD dans un cours de l\'arbre de l\'EAD (MOODLE_AUTHOR_ROLES et MOODLE_TUTOR_ROLES du service). Leurs titulaires voient « Mon espace EAD » ; un changement de profil n\'est enregistré que pour eux.';
$string['state_approved'] = 'approuvée';
$string['state_changes_requested'] = 'modifications demandées';
$string['state_in_review'] = 'en revue';
$string['state_planned'] = 'planifiée';
$string['state_rejected'] = 'refusée';
$string['task_purge_changes'] = 'Oublier les changements de plus de 30 jours';
$string['texttoolong'] = 'Le texte est trop long ({$a} caractères au plus).';
$string['timeout'] = 'Délai d\'attente (secondes)';
$string['timeout_desc'] = 'Combien de temps la page attend le service EAD avant de dire qu\'il est indisponible.';
$string['topic_moodle'] = 'Moodle';
$string['topic_other'] = 'Autre';
$string['topic_pedagogy'] = 'Pédagogie en ligne';
$string['topic_tutoring'] = 'Tutorat à distance';
$string['trainingline'] = '{$a->date} – {$a->title} ({$a->topic})';
$string['trainings'] = 'Mes formations';
$string['tree'] = 'Arbre de l\'EAD';
$string['tree_desc'] = 'Quelle partie de Moodle appartient à l\'EAD, décidé par le plugin lui-même à partir des tables de Moodle : aucune page n\'attend le service EAD.';
$string['unavailable'] = 'Le service EAD ne répond pas pour le moment : votre espace ne peut pas être affiché. Moodle fonctionne normalement ; réessayez dans quelques minutes.';
$string['upcoming'] = 'À venir';
$string['welcome'] = 'Bonjour {$a}, voici votre travail à l\'EAD.';
$string['workspace'] = 'Mon espace EAD';
$string['youranswerto'] = 'Votre réponse à « {$a} »';
$string['yourcomment'] = 'Votre commentaire : « {$a} »';
